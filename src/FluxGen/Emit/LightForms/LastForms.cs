using System.Collections.Immutable;
using System.Threading;
using FluxGen.Schema.Model;

namespace FluxGen.Emit.LightForms;

/// <summary>
/// The light forms of the previous run, kept for the next one in the same process.
/// </summary>
/// <remarks>
/// A command-line build starts a new generator driver every time, so the pipeline's own cache is empty and the
/// forms of a hundred models would be worked out and written again in every build, though the compiler server keeps
/// this assembly loaded and the document's parse results (<see cref="Schema.ReadCache"/>) are the very same objects
/// as last time. Both steps are pure, so the last input and output are enough: the models are reused when every
/// parse result is the same object, the text when the input is equal. Each pair is swapped in whole, so concurrent
/// builds at worst recompute.
/// </remarks>
internal static class LastForms
{
    private static Pair<ImmutableArray<SchemaParseResult>, EquatableArray<LightModel>>? s_models;
    private static Pair<LightFormInput, string>? s_text;

    /// <summary>The light models of <paramref name="results"/>, in order.</summary>
    public static EquatableArray<LightModel> Models(ImmutableArray<SchemaParseResult> results)
    {
        var last = Volatile.Read(ref s_models);
        if (last is not null && SameObjects(last.Input, results))
        {
            return last.Output;
        }

        var builder = ImmutableArray.CreateBuilder<LightModel>(results.Length);
        foreach (var result in results)
        {
            if (LightModel.From(result) is { } model)
            {
                builder.Add(model);
            }
        }

        var models = new EquatableArray<LightModel>(builder.ToImmutable());
        Volatile.Write(ref s_models, new(results, models));
        return models;
    }

    /// <summary>The file for <paramref name="input"/>.</summary>
    public static string Text(LightFormInput input)
    {
        var last = Volatile.Read(ref s_text);
        if (last is not null && last.Input.Equals(input))
        {
            return last.Output;
        }

        var text = LightFormOutput.Write(input);
        Volatile.Write(ref s_text, new(input, text));
        return text;
    }

    private static bool SameObjects(ImmutableArray<SchemaParseResult> left, ImmutableArray<SchemaParseResult> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!ReferenceEquals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Pair<TInput, TOutput>(TInput input, TOutput output)
    {
        public TInput Input { get; } = input;

        public TOutput Output { get; } = output;
    }
}
