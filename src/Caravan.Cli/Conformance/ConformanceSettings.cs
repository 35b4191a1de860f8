namespace Caravan.Cli.Conformance;

/// <summary>What a conformance run is given on the command line.</summary>
/// <param name="BaseUrl">The platform's base address; also the audience of a signed client assertion.</param>
/// <param name="KeyPem">The client's private key (PEM): the token is then requested with a private_key_jwt assertion instead of the secret.</param>
/// <param name="TraderClientId">A test trader client that may lodge consignments: a national system cannot, and step 3 needs one.</param>
/// <param name="WebhookListen">Where the kit listens for the webhook of step 8; without it step 8 is skipped.</param>
/// <param name="WebhookUrl">The address the platform should call when it differs from the listen address (a proxy, NAT).</param>
/// <param name="Timeout">How long to wait for something asynchronous: an event in the feed, a webhook delivery.</param>
/// <param name="FeedPageSize">The limit of the first pages of step 2; small pages test the cursor.</param>
public sealed record ConformanceSettings(
    Uri BaseUrl,
    string ClientId,
    string? Secret,
    string? KeyPem,
    string Country,
    string? TraderClientId = null,
    string? TraderSecret = null,
    string? TraderKeyPem = null,
    Uri? WebhookListen = null,
    Uri? WebhookUrl = null,
    TimeSpan? Timeout = null,
    int FeedPageSize = 50)
{
    public TimeSpan WaitLimit => Timeout ?? TimeSpan.FromSeconds(30);
}
