using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FluxGen.Analysis.Flow;

/// <summary>One value an expression can have at run time.</summary>
/// <param name="Constant">The value; <see langword="null"/> is a null reference (a member left unset).</param>
/// <param name="Origin">The constant as written, where a fix replaces it; <see langword="null"/> for a value
/// computed from others (<c>q + 1</c>), which no literal edit can fix.</param>
/// <param name="Site">The branch or assignment that chooses this value among others, named in a "may" warning.</param>
internal readonly record struct PossibleValue(object? Constant, SyntaxNode? Origin, SyntaxNode? Site)
{
    public PossibleValue WithSite(SyntaxNode site) => Site is null ? this with { Site = site } : this;
}

/// <summary>
/// What an expression can be at one point: a small set of constants, and whether some paths give a value the
/// analysis cannot know. An empty, partial set is "unknown"; a complete set lists every value the code can produce.
/// </summary>
internal sealed class PossibleValues
{
    /// <summary>More distinct possibilities than this and the value counts as unknown: a report about one of
    /// dozens of values would help nobody, and products of sets grow fast.</summary>
    private const int Limit = 16;

    public static readonly PossibleValues Unknown = new(new List<PossibleValue>(), partial: true);

    private PossibleValues(List<PossibleValue> values, bool partial)
    {
        Values = values;
        IsPartial = partial;
    }

    public IReadOnlyList<PossibleValue> Values { get; }

    /// <summary>Whether some path gives a value the analysis cannot know.</summary>
    public bool IsPartial { get; }

    public bool IsUnknown => IsPartial && Values.Count == 0;

    public static PossibleValues Of(PossibleValue value) => new(new List<PossibleValue>(1) { value }, partial: false);

    /// <summary>Values from several branches or assignments, each named by its site when it has none yet.</summary>
    public static PossibleValues Union(IEnumerable<(PossibleValues Values, SyntaxNode? Site)> parts)
    {
        var values = new List<PossibleValue>();
        var partial = false;
        foreach (var (part, site) in parts)
        {
            partial |= part.IsPartial;
            foreach (var value in part.Values)
            {
                values.Add(site is null ? value : value.WithSite(site));
            }

            if (values.Count > Limit)
            {
                return Unknown;
            }
        }

        return new PossibleValues(values, partial);
    }

    /// <summary>Builds a set from computed values; null when there are too many to be useful.</summary>
    public static PossibleValues From(List<PossibleValue> values, bool partial) =>
        values.Count > Limit ? Unknown : new PossibleValues(values, partial);
}
