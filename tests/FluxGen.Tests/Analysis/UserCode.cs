namespace FluxGen.Tests.Analysis;

/// <summary>Wraps statements in a method of a user class that has every fixture type at hand.</summary>
public static class UserCode
{
    public static string InMethod(string statements) => $$"""
        using System;
        using System.Collections.Generic;
        using Apiframe;

        class Consumer
        {
            const int Max = 100;
            const double Strength = 0.33;

            void M(Flux11ProRequest request, Flux11ProParams p, OtherParams o, int runtime, double runtimeReal, string runtimeText, List<WebhookEvent> events)
            {
                {{statements}}
            }
        }
        """;
}
