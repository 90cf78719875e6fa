namespace WorkingGroups.Web.Processes;

/// <summary>Says an endpoint's writes honour the Idempotency-Key header, so the OpenAPI document declares the header and its 422.</summary>
internal sealed class IdempotencyKeyMetadata
{
    public static readonly IdempotencyKeyMetadata Instance = new();

    private IdempotencyKeyMetadata() { }
}

internal static class IdempotencyKeys
{
    /// <summary>The filter and the metadata together, so the document cannot miss an endpoint that takes the key.</summary>
    public static TBuilder WithIdempotencyKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, IdempotencyFilter>().WithMetadata(IdempotencyKeyMetadata.Instance);
}
