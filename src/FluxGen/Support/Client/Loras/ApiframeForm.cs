using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Apiframe;

/// <summary>
/// A <c>multipart/form-data</c> body being built: generated form requests (<c>CreateLoraRequest</c>) add their members
/// to it with their <c>WriteTo</c>, and the client sends it. The parts are kept, not written, so every attempt of a
/// retried call sends the same fields and reads each file from its start.
/// </summary>
public sealed class ApiframeForm
{
    private readonly List<(string Name, string? Value, ApiframeFile? File)> _parts = new();

    internal ApiframeForm()
    {
    }

    /// <summary>Adds a text field.</summary>
    /// <param name="name">The field's name, as the API spells it.</param>
    /// <param name="value">Its text.</param>
    public void Add(string name, string value)
    {
        ApiframeArgument.NotNullOrEmpty(name, nameof(name));
        ApiframeArgument.NotNull(value, nameof(value));
        _parts.Add((name, value, null));
    }

    /// <summary>Adds a file part.</summary>
    /// <param name="name">The field's name, as the API spells it (<c>images</c>, once per image).</param>
    /// <param name="file">The file.</param>
    public void Add(string name, ApiframeFile file)
    {
        ApiframeArgument.NotNullOrEmpty(name, nameof(name));
        ApiframeArgument.NotNull(file, nameof(file));
        _parts.Add((name, null, file));
    }

    /// <summary>The files added under <paramref name="name"/>, in order.</summary>
    internal IEnumerable<ApiframeFile> Files(string name)
    {
        foreach (var part in _parts)
        {
            if (part.File is { } file && part.Name == name)
            {
                yield return file;
            }
        }
    }

    /// <summary>Whether every file can be read again for a retry (a stream that cannot seek cannot).</summary>
    internal bool CanResend
    {
        get
        {
            foreach (var part in _parts)
            {
                if (part.File is { CanResend: false })
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The body for one attempt, with a part per file that <paramref name="files"/> collects, so the caller
    /// can tell a failure of a file's source from one of the network.</summary>
    internal MultipartFormDataContent ToContent(string boundary, List<ApiframeFileContent> files)
    {
        var content = new MultipartFormDataContent(boundary);
        foreach (var (name, value, file) in _parts)
        {
            if (file is null)
            {
                content.Add(new StringContent(value!), name);
            }
            else
            {
                var part = new ApiframeFileContent(file);
                files.Add(part);
                content.Add(part, name, file.FileName);
            }
        }

        return content;
    }
}
