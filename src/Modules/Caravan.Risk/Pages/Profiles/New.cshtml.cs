using Caravan.Platform.Http;
using System.Text.Json;
using Caravan.Platform.Security;
using Caravan.Risk.Contracts;
using Caravan.Risk.Features.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Risk.Pages.Profiles;

/// <summary>
/// A new draft, written as the profile's JSON starting from the active version, shown back rule by rule as a table;
/// "Preview" runs it over the country's recent controls next to the active version, "Save as draft" stores it. Both
/// go through the services behind the API, so a wrong rule is refused here with the API's words, next to the rule.
/// </summary>
[Authorize(Policy = "permission:risk.manage")]
internal sealed class NewModel(ProfileVersions profiles, RiskDisplay display, Caller caller) : PageModel
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web) { WriteIndented = true };

    /// <summary>Where a country without any profile starts: no rules, the usual three bands, no random selection.</summary>
    private static readonly ProfileDefinition Starter = new([], [new ChannelBand(0, 30, "green"), new ChannelBand(30, 60, "yellow"), new ChannelBand(60, null, "red")], new RandomRates(0, 0), 0);

    public RiskDisplay Display => display;

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty]
    public string? Definition { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Action { get; set; }

    /// <summary>The version the draft started from, if any.</summary>
    public int? BasedOn { get; private set; }

    public DefinitionTable? Table { get; private set; }

    public ProfilePreviewView? Preview { get; private set; }

    /// <summary>Errors by field as the API names them, without the "definition." prefix.</summary>
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Country = RiskDisplay.Choose(caller, RiskPermissions.Manage, Country);
        if (Country is null)
        {
            return Forbid();
        }

        await display.LoadAsync(ct);
        var definition = Starter;
        if ((await profiles.ListAsync(Country, caller, ct)).Result is Ok<List<ProfileVersionSummary>> { Value: { } versions }
            && versions.FirstOrDefault(v => v.State == "active") is { } active
            && (await profiles.GetAsync(Country, active.Version, caller, ct)).Result is Ok<ProfileVersionView> { Value: { } view })
        {
            definition = view.Definition;
            BasedOn = active.Version;
        }

        Definition = JsonSerializer.Serialize(definition, Indented);
        Table = new DefinitionTable(definition, Errors);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Country = RiskDisplay.Choose(caller, RiskPermissions.Manage, Country);
        if (Country is null)
        {
            return Forbid();
        }

        await display.LoadAsync(ct);
        ProfileDefinition? definition = null;
        try
        {
            definition = JsonSerializer.Deserialize<ProfileDefinition>(Definition ?? string.Empty, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            Errors["definition"] = [$"is not valid JSON: {e.Message}"];
        }

        if (definition is not null)
        {
            Table = new DefinitionTable(definition, Errors);
            IResult result;
            if (Action == "save")
            {
                result = (await profiles.CreateAsync(Country, new NewProfileVersion(Note, definition), caller, ct)).Result;
                if (result is Created<ProfileVersionView> { Value: { } created })
                {
                    return Redirect($"/risk/profiles/{created.Version}?country={Country}&saved=1");
                }
            }
            else
            {
                result = (await profiles.PreviewAsync(Country, definition, caller, ct)).Result;
                if (result is Ok<ProfilePreviewView> { Value: { } preview })
                {
                    Preview = preview;
                    return Page();
                }
            }

            var outcome = ServiceOutcome<object>.Of(result);
            if (outcome.Status == StatusCodes.Status403Forbidden)
            {
                return Forbid();
            }

            foreach (var (field, messages) in outcome.Errors)
            {
                Errors[field.StartsWith("definition.", StringComparison.Ordinal) ? field["definition.".Length..] : field] = messages;
            }

            if (outcome.Detail is { } detail)
            {
                Errors["definition"] = [detail];
            }
        }
        else if (Errors.Count == 0)
        {
            Errors["definition"] = ["is empty: write the profile as JSON."];
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
