using System.ComponentModel.DataAnnotations;
using OpenTelemetry.Exporter;

namespace CommunityBot.Operations;

/// <summary>The "OpenTelemetry" section: where traces, metrics and logs go. Nothing is exported unless an endpoint is set.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "OpenTelemetry";

    /// <summary>The standard variable, honoured when <see cref="OtlpEndpoint"/> is empty (with its companions OTEL_EXPORTER_OTLP_*).</summary>
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>An OpenTelemetry collector (or any OTLP receiver), e.g. <c>http://localhost:4317</c>.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The endpoint when one is configured (an empty value, as in the sample file, is none).</summary>
    public Uri? Endpoint => Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var endpoint) ? endpoint : null;

    /// <summary><c>Grpc</c> (port 4317, the default) or <c>HttpProtobuf</c> (port 4318; the signal paths are added).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>Writes every span and metric to the console too: Development only, and only when asked (it is noisy).</summary>
    public bool Console { get; set; }

    /// <summary>The <c>service.name</c> every signal carries.</summary>
    [Required]
    public string ServiceName { get; set; } = "communitybot";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint)
            && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("OpenTelemetry:OtlpEndpoint must be an absolute http or https address.", [nameof(OtlpEndpoint)]);
        }
    }
}
