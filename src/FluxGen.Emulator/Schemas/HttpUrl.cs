using System.Text.RegularExpressions;

namespace FluxGen.Emulator.Schemas;

/// <summary>
/// The emulator's reading of <c>format: "uri"</c>: an absolute http or https URI by RFC 3986's grammar, with a
/// non-empty host. Written independently of the runtime's scanner (<c>Apiframe.Validation.SchemaText</c>): here the
/// RFC's ABNF is transcribed rule by rule into one regular expression, so the two implementations check each other
/// in the differential test. <see cref="Uri"/> is not used: it accepts and rewrites what the RFC refuses (zone ids,
/// a second '#') and refuses what it allows (ports above 65535).
/// </summary>
internal static class HttpUrl
{
    // RFC 3986 appendix A, rule by rule.
    private const string HexDig = "[0-9A-Fa-f]";
    private const string PctEncoded = "%" + HexDig + HexDig;
    private const string Unreserved = @"A-Za-z0-9\-._~";
    private const string SubDelims = @"!$&'()*+,;=";
    private const string PChar = "(?:[" + Unreserved + SubDelims + ":@]|" + PctEncoded + ")";
    private const string UserInfo = "(?:[" + Unreserved + SubDelims + ":]|" + PctEncoded + ")*";
    private const string H16 = HexDig + "{1,4}";
    private const string DecOctet = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])";
    private const string IPv4Address = DecOctet + @"\." + DecOctet + @"\." + DecOctet + @"\." + DecOctet;
    private const string Ls32 = "(?:" + H16 + ":" + H16 + "|" + IPv4Address + ")";

    private static readonly string IPv6Address = "(?:" + string.Join("|",
        $"(?:{H16}:){{6}}{Ls32}",
        $"::(?:{H16}:){{5}}{Ls32}",
        $"(?:{H16})?::(?:{H16}:){{4}}{Ls32}",
        $"(?:(?:{H16}:){{0,1}}{H16})?::(?:{H16}:){{3}}{Ls32}",
        $"(?:(?:{H16}:){{0,2}}{H16})?::(?:{H16}:){{2}}{Ls32}",
        $"(?:(?:{H16}:){{0,3}}{H16})?::{H16}:{Ls32}",
        $"(?:(?:{H16}:){{0,4}}{H16})?::{Ls32}",
        $"(?:(?:{H16}:){{0,5}}{H16})?::{H16}",
        $"(?:(?:{H16}:){{0,6}}{H16})?::") + ")";

    private const string IPvFuture = "[vV]" + HexDig + @"+\.[" + Unreserved + SubDelims + ":]+";

    // reg-name may be empty in the RFC; the server needs a host to call, so here it takes at least one character.
    private const string RegName = "(?:[" + Unreserved + SubDelims + "]|" + PctEncoded + ")+";
    private const string Query = "(?:" + PChar + "|[/?])*";

    private static readonly string Grammar =
        @"\A[Hh][Tt][Tt][Pp][Ss]?://"
        + "(?:" + UserInfo + "@)?"
        + @"(?:\[(?:" + IPv6Address + "|" + IPvFuture + @")\]|" + RegName + ")"
        + "(?::[0-9]*)?"
        + "(?:/" + PChar + "*)*"
        + @"(?:\?" + Query + ")?"
        + "(?:#" + Query + @")?\z";

    // Linear-time matching: a hostile body cannot make the check backtrack.
    private static readonly Regex Pattern = new(Grammar, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    public static bool IsValid(string text) => Pattern.IsMatch(text);
}
