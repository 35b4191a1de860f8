namespace Caravan.Browser.Tests;

/// <summary>Where the Chromium executable is: <c>CARAVAN_TEST_CHROMIUM</c>, else Debian's /usr/bin/chromium.</summary>
public static class Chromium
{
    public const string Variable = "CARAVAN_TEST_CHROMIUM";

    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>The arguments Debian's Chromium needs here (root, no GPU) and that keep it off the network.</summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    /// <summary>The executable to launch, or null when there is none (see <see cref="Unavailable"/>).</summary>
    public static string? ExecutablePath => Locate().Path;

    /// <summary>Null when a Chromium is there; otherwise why the browser tests are skipped.</summary>
    public static string? Unavailable => Locate().Reason;

    private static (string? Path, string? Reason) Locate()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? (configured, null)
                : (null, $"{Variable} is '{configured}', which does not exist: browser tests need a Chromium executable (apt-get install chromium).");
        }

        return File.Exists(DefaultPath)
            ? (DefaultPath, null)
            : (null, $"No Chromium: {DefaultPath} does not exist and {Variable} is not set (apt-get install chromium, or set {Variable} to a Chromium executable).");
    }
}
