namespace FluxGen.Emulator;

/// <summary>A fault the emulator can inject, by rate (<see cref="EmulatorOptions"/>) or scripted (<see cref="ApiframeEmulator.EnqueueFault"/>).</summary>
public enum EmulatorFault
{
    /// <summary>429 with a <c>Retry-After</c> header; nothing else happens.</summary>
    TooManyRequests,

    /// <summary>503; nothing else happens.</summary>
    ServiceUnavailable,

    /// <summary>The connection is aborted before the request is handled; nothing else happens.</summary>
    DropConnection,

    /// <summary>A submit creates its job, then the connection is aborted before the 202 is sent.</summary>
    DropAfterCreate,

    /// <summary>A newly created job ends FAILED (and costs nothing).</summary>
    FailJob,

    /// <summary>A newly created job takes <see cref="EmulatorOptions.SlowJobFactor"/> times as long.</summary>
    SlowJob,
}
