using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Apiframe;

// The API's read-only resources beside jobs: the model catalogue, the account and assets.
public sealed partial class ApiframeClient
{
    private static readonly string[] CatalogueModalities = { "image", "video", "music" };

    /// <summary>Reads the model catalogue (<c>GET /v2/models</c>): every model, or those of one modality.</summary>
    /// <param name="modality"><c>image</c>, <c>video</c> or <c>music</c>; every model when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <exception cref="ArgumentException">The modality is none of the three (unless <see cref="ApiframeClientOptions.ValidateRequests"/> is off); nothing was sent.</exception>
    public async Task<IReadOnlyList<ApiframeModelEntry>> GetModelsAsync(string? modality = null, CancellationToken cancellationToken = default)
    {
        if (modality is not null && _options.ValidateRequests && Array.IndexOf(CatalogueModalities, modality) < 0)
        {
            throw new ArgumentException($"The catalogue's modality is one of {string.Join(", ", CatalogueModalities)}, not '{modality}'.", nameof(modality));
        }

        var path = modality is null ? "/v2/models" : "/v2/models?modality=" + Uri.EscapeDataString(modality);
        return await GetJsonAsync("Apiframe.Models", path, ApiframeResourceReader.ReadModels, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads who is calling (<c>GET /v2/me</c>): the user, the team with its credits, and the key's id and prefix.</summary>
    /// <param name="cancellationToken">Stops the call.</param>
    public Task<ApiframeAccount> GetAccountAsync(CancellationToken cancellationToken = default) =>
        GetJsonAsync("Apiframe.Account", "/v2/me", ApiframeResourceReader.ReadAccount, cancellationToken);

    /// <summary>Reads an asset (<c>GET /v2/assets/{assetId}</c>) as the provider describes it.</summary>
    /// <param name="assetId">The id <c>CreateAssetAsync</c> returned.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The provider's asset object as it came (its members are the provider's, not Apiframe's); it owns its memory.</returns>
    /// <exception cref="ApiframeException">The server answered with an error (404 for an unknown asset).</exception>
    public Task<JsonElement> GetAssetAsync(string assetId, CancellationToken cancellationToken = default)
    {
        ApiframeArgument.NotNullOrWhiteSpace(assetId, nameof(assetId));
        return GetJsonAsync("Apiframe.Asset", "/v2/assets/" + Uri.EscapeDataString(assetId), ApiframeResourceReader.ReadObject, cancellationToken);
    }

    // One GET of a JSON resource through the common pipeline (key on the API's origin only, retries, size cap,
    // ApiframeException), traced as its own span.
    private async Task<T> GetJsonAsync<T>(string operation, string path, Func<ReadOnlyMemory<byte>, T> read, CancellationToken cancellationToken)
    {
        var uri = Resolve(path);
        using var activity = ApiframeTelemetry.Start(operation);
        try
        {
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), idempotent: true, HttpCompletionOption.ResponseContentRead, sendApiKey: true, idempotencyKey: null, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            return await ReadBodyAsync(response, read, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            ApiframeTelemetry.Fail(activity, ex);
            throw;
        }
    }
}
