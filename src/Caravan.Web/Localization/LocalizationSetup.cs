using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Caravan.Web.Localization;

public static class LocalizationSetup
{
    /// <summary>The interface languages: English, Chinese (Simplified), Russian.</summary>
    public static readonly CultureInfo[] Cultures = [new("en"), new("zh-Hans"), new("ru")];

    public static IServiceCollection AddCaravanLocalization(this IServiceCollection services)
    {
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;

            // ?culture=ru for a link, then the cookie the language switch sets, then the browser's preference.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>The interface language of the current request as the reference data name it: en, zh or ru.</summary>
    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "zh" => "zh",
        "ru" => "ru",
        _ => "en",
    };
}
