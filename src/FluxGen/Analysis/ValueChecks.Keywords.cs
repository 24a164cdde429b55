using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using FluxGen.Analysis.Flow;

namespace FluxGen.Analysis;

/// <summary>Checks for the keywords the OpenAPI document brought: <c>pattern</c>, <c>format: uuid</c>, numeric enums.</summary>
internal static partial class ValueChecks
{
    // A pattern comes from a schema, not from the user's code; one regex per distinct pattern for the process, and a
    // short match timeout so no constant can stall the IDE (a timeout means "not decided", never a diagnostic).
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private static void CheckKeywords(DiagnosticSink context, MemberConstraints rules, SyntaxNode value, string text)
    {
        if (rules.IsUuid && !Guid.TryParseExact(text, "D", out _))
        {
            Report(context, Descriptors.NotUuid, value, null, rules.Path, Quote(Shorten(text)));
            return;
        }

        if (rules.Pattern is { } pattern && PatternRegex(pattern) is { } regex && !Matches(regex, text))
        {
            Report(context, Descriptors.PatternMismatch, value, null, rules.Path, Quote(Shorten(text)), Quote(pattern));
        }
    }

    /// <summary>The schema pattern as a regex, compiled once per process; null for one .NET cannot run.</summary>
    internal static Regex? PatternRegex(string pattern) => Patterns.GetOrAdd(pattern, static p =>
    {
        try
        {
            return new Regex(p, RegexOptions.ECMAScript, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    });

    private static bool Matches(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static bool IsAllowed(ConstantNumber number, ImmutableArray<Bound> allowed)
    {
        foreach (var candidate in allowed)
        {
            if (number.CompareTo(candidate) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(ImmutableArray<Bound> allowed)
    {
        var texts = new string[allowed.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = allowed[i].Text;
        }

        return string.Join(", ", texts);
    }
}
