using System;

namespace Apiframe;

/// <summary>Who is calling, as <c>GET /v2/me</c> says: the user, the team (with its credits) and the API key in use.</summary>
public sealed class ApiframeAccount
{
    /// <summary>The user the key belongs to.</summary>
    public ApiframeAccountUser User { get; init; } = new();

    /// <summary>The team, with its credit balance; <see langword="null"/> when the server gives none.</summary>
    public ApiframeAccountTeam? Team { get; init; }

    /// <summary>The API key making the call (its id, name and public prefix: never the key itself).</summary>
    public ApiframeAccountApiKey? ApiKey { get; init; }

    /// <summary>The user, team and credits, for logs.</summary>
    public override string ToString() =>
        Team is { } team ? $"{User.Email} ({team.Name}, {team.Credits} credits)" : User.Email;
}

/// <summary>The user of <see cref="ApiframeAccount"/>.</summary>
public sealed class ApiframeAccountUser
{
    /// <summary>The user's id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The user's e-mail address.</summary>
    public string Email { get; init; } = string.Empty;

    /// <summary>The user's role: <c>OWNER</c>, <c>ADMIN</c>, <c>MEMBER</c>, or a value the server adds later.</summary>
    public string Role { get; init; } = string.Empty;
}

/// <summary>The team of <see cref="ApiframeAccount"/>.</summary>
public sealed class ApiframeAccountTeam
{
    /// <summary>The team's id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The team's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The credits left.</summary>
    public long Credits { get; init; }

    /// <summary>The team's plan.</summary>
    public string Plan { get; init; } = string.Empty;

    /// <summary>The billing customer id, when there is one.</summary>
    public string? CustomerId { get; init; }
}

/// <summary>The API key of <see cref="ApiframeAccount"/>: what identifies it, never the secret.</summary>
public sealed class ApiframeAccountApiKey
{
    /// <summary>The key's id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The name given to the key.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The key's public prefix, as the dashboard shows it.</summary>
    public string Prefix { get; init; } = string.Empty;

    /// <summary>The name and prefix.</summary>
    public override string ToString() => $"{Name} ({Prefix}...)";
}
