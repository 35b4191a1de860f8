using Xunit;
using System.Net;
using Caravan.Platform.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Testing;

/// <summary>
/// The host on real Kestrel, on a free 127.0.0.1 port: for a browser, and for behaviour that only the real server
/// has (request limits, sockets).
/// </summary>
public class KestrelWebFactory : CaravanWebFactory
{
    private Uri? _address;

    public KestrelWebFactory(DatabaseProvider provider)
        : base(provider)
    {
        // Before anything starts the server: CaravanWebFactory.InitializeAsync calls CreateClient(), which does.
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The address Kestrel really listens on, e.g. http://127.0.0.1:41873/.</summary>
    public Uri Address => _address ?? throw new InvalidOperationException("The fixture is not initialised.");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (Unavailable is not null)
        {
            return;
        }

        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server reports no addresses: is it Kestrel?");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Kestrel does not listen on 127.0.0.1: {string.Join(", ", addresses)}");
        _address = new Uri(address.TrimEnd('/') + "/");

        // The real socket answers, not just the in-memory test server.
        using var client = NewSocketClient();
        using var response = await client.GetAsync(new Uri("health/ready", UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{_address}health/ready answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>An HttpClient that goes through the network stack to Kestrel.</summary>
    public HttpClient NewSocketClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
}
