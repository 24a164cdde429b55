using System;
using System.ComponentModel;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Apiframe;

// Registering an asset. The public CreateAssetAsync(CreateAssetRequest) is generated beside the request, which is
// written only where the code names it (see RecordEmitter.EmitCall); it calls this with the request's own methods.
public sealed partial class ApiframeClient
{
    private const string CreateAssetPath = "/v2/assets/create";

    /// <summary>Posts a generated <c>CreateAssetRequest</c>; call <c>client.CreateAssetAsync(request)</c> instead.</summary>
    /// <param name="validate">The request's <c>Validate</c>, run unless <see cref="ApiframeClientOptions.ValidateRequests"/> is off.</param>
    /// <param name="writeBody">The request's <c>WriteTo</c>.</param>
    /// <param name="idempotencyKey">Your key; a new GUID when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The asset id the server gave.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async Task<string> SendCreateAssetAsync(Action validate, Action<Utf8JsonWriter> writeBody, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ApiframeArgument.NotNull(writeBody, nameof(writeBody));
        var key = BeginPost(validate, idempotencyKey);
        using var activity = ApiframeTelemetry.Start("Apiframe.CreateAsset");
        var body = Serialize(writeBody);
        var uri = Resolve(CreateAssetPath);
        try
        {
            using var response = await SendAsync(() => JsonPost(uri, body, key), idempotent: true, HttpCompletionOption.ResponseContentRead, sendApiKey: true, key, cancellationToken).ConfigureAwait(false);
            return await ReadBodyAsync(response, ReadAssetId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            PostFailed(activity, ex, key);
            throw;
        }
    }

    private static string ReadAssetId(ReadOnlyMemory<byte> body)
    {
        using var document = ApiframeJson.Parse(body);
        var id = ApiframeJson.String(document.RootElement, "assetId");
        return id is { Length: > 0 } ? id : throw new JsonException("The reply has no assetId.");
    }
}
