using System.Globalization;
using CsCheck;

namespace FluxGen.IntegrationTests.Differential;

/// <summary>
/// CsCheck generators for the differential: per member, values on both sides of every rule and on its edges.
/// URIs come from RFC 3986's grammar, part by part, with near misses mixed in (a fifth hex digit, a second "::",
/// a zone id, a stray '#', an empty host, a bad percent escape) and then, sometimes, one random character edit.
/// </summary>
internal static class ValueGenerators
{
    public static readonly Gen<DifferentialCase> Case = Weighted(
        (4, Prompt().Select(v => new DifferentialCase(Member.Prompt, v))),
        (6, Uri().Select(v => new DifferentialCase(Member.WebhookUrl, v))),
        (6, Uri().Select(v => new DifferentialCase(Member.ImagePrompt, v))),
        (6, Strength().Select(v => new DifferentialCase(Member.ImagePromptStrength, v))),
        (3, Quality().Select(v => new DifferentialCase(Member.OutputQuality, v))),
        (1, Seed().Select(v => new DifferentialCase(Member.Seed, v))),
        (2, Gen.Int[-2, 5].Select(v => new DifferentialCase(Member.OutputFormat, v))),
        (2, Gen.Int[-1, 6].Select(v => new DifferentialCase(Member.AspectRatio, v))),
        (3, Gen.Int[-1, 4].Array[0, 4].Select(v => new DifferentialCase(Member.WebhookEvents, v))),
        (1, Gen.Bool.Select(v => new DifferentialCase(Member.Raw, v))),
        (2, Size().Select(v => new DifferentialCase(Member.Width, v))),
        (2, Size().Select(v => new DifferentialCase(Member.Height, v))),
        (3, Guidance().Select(v => new DifferentialCase(Member.Guidance, v))),
        (2, Steps().Select(v => new DifferentialCase(Member.Steps, v))),
        (1, Gen.Bool.Select(v => new DifferentialCase(Member.GoFast, v))),
        (2, Prompt().Select(v => new DifferentialCase(Member.Resolution, v))),
        (2, InputImages().Select(v => new DifferentialCase(Member.InputImages, v))),
        (1, Gen.Bool.Select(v => new DifferentialCase(Member.PromptUpsampling, v))));

    // CsCheck's Frequency takes IGen<T>; spelled out once so each call can pass plain generators.
    private static Gen<T> Weighted<T>(params (int Weight, Gen<T> Gen)[] options) =>
        Gen.Frequency(options.Select(o => (o.Weight, (IGen<T>)o.Gen)).ToArray());

    // ---- strings: code points, surrogate pairs, lone surrogates, the 1..2000 length edges ----

    private static Gen<string> Prompt()
    {
        var unit = Weighted(
            (20, Gen.Char['a', 'z'].Select(c => c.ToString())),
            (4, Gen.OneOf(" ", "\"", "\\", "\n", "\t", "\u0001", "\u007f", "é", "中", "\u2028", "\uFFFD", "\uFEFF")),
            (3, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)),
            (1, Gen.Char['\uD800', '\uDBFF'].Select(c => c.ToString())),
            (1, Gen.Char['\uDC00', '\uDFFF'].Select(c => c.ToString())));
        var shortText = unit.Array[0, 12].Select(string.Concat);

        // Exactly n code points around the bounds, part of them astral (two UTF-16 units each), maybe a lone
        // surrogate added at the end.
        var edge = Gen.Select(Gen.OneOf(0, 1, 2, 1999, 2000, 2001), Gen.Int[0, 100], Gen.Int[0, 9], (n, astralPercent, tail) =>
        {
            var astral = n * astralPercent / 100;
            var text = string.Concat(Enumerable.Repeat("\U0001F308", astral)) + new string('a', n - astral);
            return tail switch
            {
                0 => text + "\uD83D",
                1 => "\uDE00" + text,
                _ => text,
            };
        });
        return Weighted((9, shortText), (1, edge));
    }

    // ---- numbers: the step's exact decimals, computed near misses, edges, NaN and infinities ----

    private static Gen<double> Strength() => Weighted(
        (4, Gen.Int[-4, 24].Select(k => double.Parse((k * 0.05m).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))),
        (2, Gen.Int[-4, 24].Select(k => k * 0.05)),
        (2, Gen.Int[-150, 150].Select(k => k / 100.0)),
        (2, Gen.Double[-0.5, 1.5]),
        (2, Gen.OneOf(
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon, -0.0, 0.0, 1.0,
            1.0000000000000002, 0.9999999999999999, 1e-300, 1e300, double.MaxValue, double.MinValue, 0.1 + 0.2, 0.35, 0.7,
            0.05000000000000001, 0.049999999999999996, 5e-324, 1e-7, 0.95)),
        (1, Gen.Double));

    private static Gen<int> Quality() => Weighted(
        (4, Gen.Int[-5, 105]),
        (1, Gen.OneOf(int.MinValue, int.MaxValue, -1, 0, 1, 99, 100, 101)),
        (1, Gen.Int));

    // width and height: 256 to 2048 on the document's word, as integers.
    private static Gen<int> Size() => Weighted(
        (4, Gen.Int[200, 2100]),
        (1, Gen.OneOf(int.MinValue, int.MaxValue, -1, 0, 255, 256, 257, 2047, 2048, 2049)),
        (1, Gen.Int));

    private static Gen<int> Steps() => Weighted(
        (4, Gen.Int[-3, 55]),
        (1, Gen.OneOf(int.MinValue, int.MaxValue, 0, 1, 50, 51)),
        (1, Gen.Int));

    // guidance: 1.5 to 10 with no step, so the edges' nearest doubles are what tells the validators apart.
    private static Gen<double> Guidance() => Weighted(
        (4, Gen.Int[0, 220].Select(k => k / 20.0)),
        (2, Gen.Double[0, 12]),
        (2, Gen.OneOf(
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1.5, 1.4999999999999998, 1.5000000000000002, 10.0,
            10.000000000000002, 9.999999999999998, 0.0, -0.0, double.Epsilon, double.MaxValue, 1e300)),
        (1, Gen.Double));

    // input_images: at most 10, each a valid URI (the item rule is the URI rule the other members already draw).
    private static Gen<string[]> InputImages() =>
        Gen.Int[0, 13].Select(n => Enumerable.Range(0, n).Select(i => $"https://example.com/in/{i}.png").ToArray());

    private static Gen<long> Seed() => Weighted(
        (3, Gen.Long),
        (1, Gen.OneOf(long.MinValue, long.MaxValue, 0L, -1L, 1L << 53, (1L << 53) + 1)));

    // ---- URIs by RFC 3986's grammar ----

    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";
    private const string Hex = "0123456789abcdefABCDEF";
    private const string Unreserved = Letters + Digits + "-._~";
    private const string SubDelims = "!$&'()*+,;=";

    // Characters no URI part allows, and percent escapes that are not.
    private static Gen<string> Invalid => Gen.OneOf(" ", "\"", "<", ">", "\\", "^", "`", "{", "|", "}", "[", "]", "é", "\u0000", "%", "%4", "%zz", "%G0", "\uD800");

    private static Gen<string> Chars(string allowed, int max, int invalidWeight = 1) =>
        Weighted(
            (30, Gen.Char[allowed].Select(c => c.ToString())),
            (3, Gen.Select(Gen.Char[Hex], Gen.Char[Hex], (a, b) => "%" + a + b)),
            (invalidWeight, Invalid))
        .Array[0, max].Select(string.Concat);

    private static Gen<string> Uri()
    {
        var scheme = Weighted(
            (20, Gen.OneOf("https://", "http://")),
            (2, Gen.OneOf("HTTP://", "hTtPs://")),
            (2, Gen.OneOf("ftp://", "http:/", "http:", "", "https//", "http:///", "file://", "http+x://")));
        var userInfo = Weighted(
            (8, Gen.Const(string.Empty)),
            (2, Chars(Unreserved + SubDelims + ":", 6).Select(u => u + "@")),
            (1, Gen.OneOf("a@b@", "@", "[x]@", "us er@")));
        var host = Weighted(
            (8, Chars(Unreserved + SubDelims, 12, invalidWeight: 0).Where(h => h.Length > 0)),
            (1, Chars(Unreserved + SubDelims, 8)),
            (2, IPv4(strict: false)),
            (5, IPv6().Select(a => "[" + a + "]")),
            (1, IPvFuture().Select(a => "[" + a + "]")),
            (1, Gen.OneOf(string.Empty, "[]", "[::1", "::1]", "[::1]]", "ex ample.com")));
        var port = Weighted(
            (6, Gen.Const(string.Empty)),
            (3, Gen.Select(Gen.Int[0, 7], Gen.Long[0, long.MaxValue], (n, v) => ":" + v.ToString(CultureInfo.InvariantCulture)[..Math.Min(n, v.ToString(CultureInfo.InvariantCulture).Length)])),
            (1, Gen.OneOf(":8a", ":-1", ": 80", "::80", ":+1")));
        var segment = Chars(Unreserved + SubDelims + ":@", 6);
        var path = segment.Select(s => "/" + s).Array[0, 3].Select(string.Concat);
        var query = Weighted(
            (3, Gen.Const(string.Empty)),
            (1, Chars(Unreserved + SubDelims + ":@/?", 8).Select(q => "?" + q)));
        var fragment = Weighted(
            (4, Gen.Const(string.Empty)),
            (2, Chars(Unreserved + SubDelims + ":@/?", 8).Select(f => "#" + f)),
            (1, Gen.OneOf("#a#b", "##", "#/#")));
        var uri = Gen.Select(scheme, userInfo, host, port, path, query, fragment, (s, u, h, p, pa, q, f) => s + u + h + p + pa + q + f);

        // One random edit of a grammatical URI lands near the boundary of the grammar.
        var edited = Gen.Select(uri, Gen.Int[0, 200], Weighted((3, Gen.Char[Unreserved + SubDelims + ":/?#[]@%"].Select(c => c.ToString())), (1, Invalid)), Gen.Int[0, 2], Edit);
        return Weighted((4, uri), (1, edited));
    }

    private static string Edit(string text, int position, string inserted, int operation)
    {
        var at = text.Length == 0 ? 0 : position % (text.Length + 1);
        return operation switch
        {
            0 => text.Insert(at, inserted),
            1 when at < text.Length => text.Remove(at, 1),
            2 when at < text.Length => text.Remove(at, 1).Insert(at, inserted),
            _ => text + inserted,
        };
    }

    private static Gen<string> IPv4(bool strict) =>
        Weighted(
                (8, Gen.Int[0, 255].Select(o => o.ToString(CultureInfo.InvariantCulture))),
                (strict ? 0 : 1, Gen.OneOf("256", "01", "00", "999", "", "1a")))
            .Array[4].Select(octets => string.Join('.', octets));

    // Eight pieces of 1-4 hex digits, maybe an IPv4 tail for the last two, maybe one run elided to "::"; then
    // sometimes one near miss.
    private static Gen<string> IPv6()
    {
        var piece = Gen.Char[Hex].Array[1, 4].Select(c => new string(c));
        var valid = Gen.Select(piece.Array[8], Gen.Bool, Gen.Int[-1, 8], Gen.Int[1, 8], IPv4(strict: true), (pieces, v4, elideAt, elideLength, tail) =>
        {
            var parts = pieces.ToList();
            if (v4)
            {
                parts.RemoveRange(6, 2);
                parts.Add(tail);
            }

            if (elideAt < 0 || elideAt >= parts.Count)
            {
                return string.Join(':', parts);
            }

            // An IPv4 tail is never elided; it stays the last thing written.
            var last = v4 ? parts.Count - 1 : parts.Count;
            var length = Math.Min(elideLength, last - elideAt);
            if (length <= 0)
            {
                return string.Join(':', parts);
            }

            return string.Join(':', parts.Take(elideAt)) + "::" + string.Join(':', parts.Skip(elideAt + length));
        });
        var nearMiss = Gen.OneOf<Func<string, string>>(
            a => a + ":1",
            a => "1:" + a,
            a => a.Replace("::", ":::"),
            a => a + "::",
            a => "::" + a,
            a => a + "%25eth0",
            a => a + "%eth0",
            a => a.Length > 0 ? "12345" + a[1..] : "12345",
            a => a.Replace(".", ".0"),
            a => a.Replace(':', '.'),
            a => a.TrimEnd(':', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f', 'A', 'B', 'C', 'D', 'E', 'F'),
            a => a + "g");
        return Weighted(
            (3, valid),
            (2, Gen.Select(valid, nearMiss, (a, miss) => miss(a))),
            (1, Gen.OneOf("::", "::1", "1::", "::ffff:1.2.3.4", "1::2::3", "::::", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1::", "::1.2.3")));
    }

    private static Gen<string> IPvFuture() => Weighted(
        (3, Gen.Select(Gen.Char[Hex].Array[1, 3], Chars(Unreserved + SubDelims + ":", 5, invalidWeight: 0).Where(s => s.Length > 0), (h, rest) => "v" + new string(h) + "." + rest)),
        (1, Gen.OneOf("v.x", "v1.", "v1x", "vg.x", "V7.a", "v1.%41", "v1.a/b", "v1.a@b")));
}
