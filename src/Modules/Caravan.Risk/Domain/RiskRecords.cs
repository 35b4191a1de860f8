namespace Caravan.Risk.Domain;

/// <summary>One version of a country's risk profile. Never changed once stored: a change is a new version.</summary>
internal sealed class ProfileVersion
{
    public Guid Id { get; set; }

    public required string Country { get; set; }

    public int Version { get; set; }

    /// <summary>draft, active or retired. One active version per country at most.</summary>
    public required string State { get; set; }

    /// <summary>The <see cref="Contracts.ProfileDefinition"/> as JSON.</summary>
    public required string Definition { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }
}

/// <summary>An Authorised Economic Operator of one country: an organisation, its certificate, validity and status.</summary>
internal sealed class EconomicOperator
{
    public Guid Id { get; set; }

    /// <summary>The country that authorised it.</summary>
    public required string Country { get; set; }

    public Guid Organisation { get; set; }

    public required string CertificateNumber { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly ValidUntil { get; set; }

    /// <summary>active, suspended or revoked.</summary>
    public required string Status { get; set; }

    public string? StatusReason { get; set; }

    /// <summary>Since when the status holds: a suspension counts from here, not before.</summary>
    public DateTimeOffset StatusSince { get; set; }
}

/// <summary>A mutual recognition arrangement of AEO programmes between two countries (stored with A before B).</summary>
internal sealed class RecognitionArrangement
{
    public Guid Id { get; set; }

    public required string CountryA { get; set; }

    public required string CountryB { get; set; }

    public required string Title { get; set; }

    public DateOnly InForceFrom { get; set; }

    /// <summary>When it ended (terminated or suspended); null while in force.</summary>
    public DateOnly? InForceUntil { get; set; }
}

/// <summary>An alert one country's analysts share with chosen partners: what to look for, until when.</summary>
internal sealed class SharedAlert
{
    public Guid Id { get; set; }

    public required string FromCountry { get; set; }

    /// <summary>Recipient countries, comma-separated (e.g. "UZ,KG").</summary>
    public required string ToCountries { get; set; }

    public required string Summary { get; set; }

    public string? HsFrom { get; set; }

    public string? HsTo { get; set; }

    public Guid? Trader { get; set; }

    public string? RouteCountry { get; set; }

    public string? CountryOfOrigin { get; set; }

    public DateTimeOffset ValidFrom { get; set; }

    public DateTimeOffset ValidUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public List<AlertAcknowledgement> Acknowledgements { get; set; } = [];
}

/// <summary>A recipient country saying what it did with an alert; the sender sees these.</summary>
internal sealed class AlertAcknowledgement
{
    public Guid Id { get; set; }

    public Guid AlertId { get; set; }

    public required string Country { get; set; }

    /// <summary>noted, added-to-profile, dismissed.</summary>
    public required string Action { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset At { get; set; }

    public required string By { get; set; }
}
