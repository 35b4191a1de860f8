using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Caravan.Browser.Tests;

/// <summary>One test's browser context and page, with every console error and uncaught page error it logged.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _errors = new();

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Enqueue($"console.error: {message.Text} ({message.Location})");
            }
        };
        Page.PageError += (_, error) => _errors.Enqueue($"page error: {error}");
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyCollection<string> Errors => [.. _errors];

    public static async Task<BrowserSession> StartAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    /// <summary>Fails unless the browser logged no error, apart from those the test expects (e.g. the status of an error page).</summary>
    public void AssertNoConsoleErrors(params Regex[] expected)
    {
        var unexpected = _errors.Where(e => !expected.Any(x => x.IsMatch(e))).ToList();
        Assert.True(unexpected.Count == 0, "The browser logged errors:" + Environment.NewLine + string.Join(Environment.NewLine, unexpected));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_errors.IsEmpty)
        {
            TestContext.Current.TestOutputHelper?.WriteLine("Browser errors:" + Environment.NewLine + string.Join(Environment.NewLine, _errors));
        }

        await Context.CloseAsync();
    }
}
