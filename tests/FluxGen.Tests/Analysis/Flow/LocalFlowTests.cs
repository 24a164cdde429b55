using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static FluxGen.Tests.Analysis.AnalyzerVerifier;

namespace FluxGen.Tests.Analysis.Flow;

/// <summary>Locals, conditionals, <c>??</c>, arithmetic and <c>static readonly</c> fields followed to the values
/// they can have: errors only when every value breaks the rule, FLUX009 when some do, nothing when a value cannot
/// be known.</summary>
public class LocalFlowTests
{
    private const string Quality = "fluxParams.output_quality";
    private const string QualityRange = "at least 0 and at most 100";

    private static DiagnosticResult Above(int location, string value) =>
        Diagnostic(Descriptors.AboveMaximum).WithLocation(location).WithArguments(Quality, value, QualityRange);

    private static DiagnosticResult May(int use, int written, string site, int line, string value) =>
        Diagnostic(Descriptors.MayBreakSchema).WithLocation(use).WithLocation(written)
            .WithArguments(site, line.ToString(System.Globalization.CultureInfo.InvariantCulture), $"'{Quality}' must be {QualityRange}, but is {value}", "FLUX002");

    [Fact]
    public Task A_local_reassigned_to_a_valid_value_is_fine_and_one_reassigned_to_a_bad_value_is_not() =>
        VerifyAsync(
            UserCode.InMethod("""
                int fixedUp = 120;
                fixedUp = 80;
                _ = new Flux11ProParams { OutputQuality = fixedUp };
                int broken = 80;
                broken = {|#1:120|};
                _ = new Flux11ProParams { OutputQuality = {|#0:broken|} };
                """),
            Above(0, "120").WithLocation(1));

    [Fact]
    public Task One_reaching_assignment_out_of_range_is_a_may_warning_naming_the_assignment() =>
        VerifyAsync(
            UserCode.InMethod("""
                int quality = 80;
                if (runtime > 0)
                    quality = {|#1:150|};
                _ = new Flux11ProParams { OutputQuality = {|#0:quality|} };
                """),
            May(0, 1, "quality = 150", 14, "150"));

    [Fact]
    public Task Every_reaching_assignment_out_of_range_is_an_error_for_each() =>
        VerifyAsync(
            UserCode.InMethod("""
                int quality;
                if (runtime > 0)
                    quality = {|#1:150|};
                else
                    quality = {|#2:-1|};
                _ = p with { OutputQuality = {|#0:quality|} };
                """),
            Above(0, "150").WithLocation(1),
            Diagnostic(Descriptors.BelowMinimum).WithLocation(0).WithLocation(2).WithArguments(Quality, "-1", QualityRange));

    [Fact]
    public Task A_value_changed_in_a_loop_is_not_known() =>
        VerifyAsync(UserCode.InMethod("""
            int stepped = 50;
            for (var i = 0; i < runtime; i++)
                stepped += 10;
            _ = new Flux11ProParams { OutputQuality = stepped };
            int last = 80;
            while (runtime-- > 0)
                last = 150;
            _ = new Flux11ProParams { OutputQuality = last };
            """));

    [Fact]
    public Task Values_from_parameters_configuration_or_calls_are_not_known() =>
        VerifyAsync(UserCode.InMethod("""
            int passed = runtime;
            _ = new Flux11ProParams { OutputQuality = passed };
            int configured = int.Parse(Environment.GetEnvironmentVariable("QUALITY") ?? "150");
            _ = new Flux11ProParams { OutputQuality = configured };
            var clamped = Math.Min(150, runtime);
            _ = new Flux11ProParams { OutputQuality = clamped };
            """));

    [Fact]
    public Task A_guard_that_tests_the_local_itself_makes_it_unknown() =>
        VerifyAsync(UserCode.InMethod("""
            int quality = 150;
            if (quality > 100)
                quality = 100;
            _ = new Flux11ProParams { OutputQuality = quality };
            int early = 150;
            bool tooHigh = early > 100;
            if (tooHigh)
                return;
            _ = new Flux11ProParams { OutputQuality = early };
            int capped = 150;
            _ = new Flux11ProParams { OutputQuality = capped > 100 ? 100 : capped };
            """));

    [Fact]
    public Task A_later_test_of_what_chose_the_assignment_makes_it_unknown() =>
        VerifyAsync(UserCode.InMethod("""
            int quality;
            if (runtime > 5)
                quality = 150;
            else
                quality = 80;
            if (runtime > 5)
                return;
            _ = new Flux11ProParams { OutputQuality = quality };
            var chosen = runtimeText.Length > 5 ? 150 : 80;
            if (runtimeText.Length > 5)
                return;
            _ = new Flux11ProParams { OutputQuality = chosen };
            """));

    [Fact]
    public Task A_local_written_by_reference_or_in_a_lambda_is_not_known() =>
        VerifyAsync(UserCode.InMethod("""
            int viaOut = 150;
            int.TryParse(runtimeText, out viaOut);
            _ = new Flux11ProParams { OutputQuality = viaOut };
            int viaLambda = 80;
            Action set = () => viaLambda = 150;
            set();
            _ = new Flux11ProParams { OutputQuality = viaLambda };
            int read = 150;
            Func<Flux11ProParams> later = () => new Flux11ProParams { OutputQuality = read };
            """));

    [Fact]
    public Task A_coalesce_with_a_constant_is_a_may_warning_naming_the_constant() =>
        VerifyAsync(
            UserCode.InMethod("""
                string? hook = Environment.GetEnvironmentVariable("HOOK");
                _ = request with { WebhookUrl = {|#0:hook ?? {|#1:"example.com/hook"|}|} };
                """),
            Diagnostic(Descriptors.MayBreakSchema).WithLocation(0).WithLocation(1).WithArguments(
                "\"example.com/hook\"", "13", "'webhookUrl' must be an absolute http or https URI, but is \"example.com/hook\"", "FLUX007"));

    [Fact]
    public Task Arithmetic_and_concatenation_of_known_values_are_computed() =>
        VerifyAsync(
            UserCode.InMethod("""
                int half = 60;
                var doubled = half * 2;
                _ = new Flux11ProParams { OutputQuality = {|#0:doubled|} };
                var host = "example.com";
                var hookUrl = host + "/hook";
                _ = request with { WebhookUrl = {|#1:hookUrl|} };
                var fine = "https://" + host;
                _ = request with { WebhookUrl = fine };
                """),
            Above(0, "120"),
            Diagnostic(Descriptors.NotHttpUri).WithLocation(1).WithArguments("webhookUrl", "\"example.com/hook\""));

    [Fact]
    public Task A_static_readonly_field_set_once_from_a_constant_is_known() =>
        VerifyAsync("""
            using Apiframe;

            class Settings
            {
                static readonly int Quality = {|#1:120|};
                static readonly int Assigned = 120;
                static readonly int Fine = 90;
                readonly int _instance = 120;

                static Settings() { Assigned = 90; }

                object M() => new Flux11ProParams { OutputQuality = {|#0:Quality|} };
                object N() => new Flux11ProParams { OutputQuality = Assigned };
                object O() => new Flux11ProParams { OutputQuality = Fine };
                object P() => new Flux11ProParams { OutputQuality = _instance };
            }
            """,
            Above(0, "120").WithLocation(1));

    [Fact]
    public Task A_static_readonly_field_in_a_type_without_a_static_constructor_is_known() =>
        VerifyAsync("""
            using Apiframe;

            static class Limits
            {
                public static readonly double Strength = {|#1:1.5|};
            }

            class Use
            {
                object M() => new Flux11ProParams { ImagePromptStrength = {|#0:Limits.Strength|} };
            }
            """,
            Diagnostic(Descriptors.AboveMaximum).WithLocation(0).WithLocation(1).WithArguments("fluxParams.image_prompt_strength", "1.5", "at least 0 and at most 1"));

    [Fact]
    public Task Nullable_locals_null_values_and_method_arguments_are_followed() =>
        VerifyAsync(
            UserCode.InMethod("""
                int? unset = null;
                _ = new Flux11ProParams { OutputQuality = unset };
                int? maybe = runtime > 0 ? null : {|#2:150|};
                _ = new Flux11ProParams { OutputQuality = {|#0:maybe|} };
                var level = {|#3:9|};
                OtherApi.SetQuality({|#1:level * 20|});
                """),
            May(0, 2, "150", 14, "150"),
            Diagnostic(Descriptors.AboveMaximum).WithLocation(1).WithArguments("other.quality", "180", QualityRange));

    [Fact]
    public Task The_flow_analysis_can_be_turned_off_in_editorconfig() =>
        VerifyAsync(
            UserCode.InMethod("""
                int quality = 120;
                _ = new Flux11ProParams { OutputQuality = quality };
                _ = new Flux11ProParams { OutputQuality = {|#0:120|} };
                """),
            "root = true\n\n[*.cs]\nfluxgen_flow_analysis = false\n",
            Above(0, "120"));

    [Fact]
    public async Task A_graph_is_built_only_for_a_method_whose_member_value_reads_a_reassigned_or_tested_local()
    {
        var compilation = CompilationRunner.Compile("GraphCount", [
            """
            using Apiframe;
            class Constants
            {
                object A() => new Flux11ProParams { OutputQuality = 120, ImagePromptStrength = 0.5 };
                object B(int q) => new Flux11ProParams { OutputQuality = q, Seed = System.Environment.TickCount };
                object C() { var local = 3; if (local > 2) local = 4; return local; }
            }
            """,
            """
            using Apiframe;
            class OnceWritten
            {
                object A() { var q = 120; return new Flux11ProParams { OutputQuality = q }; }
                object B() { var q = 80; var r = new Flux11ProParams { OutputQuality = q }; return r with { OutputQuality = q + 1 }; }
            }
            """,
            """
            using Apiframe;
            class Reassigned
            {
                object A(bool fast) { var q = 80; if (fast) q = 120; return new Flux11ProParams { OutputQuality = q, Seed = q }; }
                object B() { var q = 120; if (q > 100) q = 100; return new Flux11ProParams { OutputQuality = q }; }
            }
            """,
            .. Fixtures.ConstraintSources.Select(s => s.Source), Fixtures.Records]);

        var diagnostics = await CompilationRunner.AnalyzeAsync(compilation);

        Assert.Equal(0, FluxGen.Analysis.Flow.MethodFlow.GraphsBuilt(compilation.SyntaxTrees[0]));
        Assert.Equal(0, FluxGen.Analysis.Flow.MethodFlow.GraphsBuilt(compilation.SyntaxTrees[1]));
        Assert.Equal(2, FluxGen.Analysis.Flow.MethodFlow.GraphsBuilt(compilation.SyntaxTrees[2]));
        Assert.Equal(["FLUX002", "FLUX002", "FLUX009"], diagnostics.Select(d => d.Id).Order().ToArray());
    }
}
