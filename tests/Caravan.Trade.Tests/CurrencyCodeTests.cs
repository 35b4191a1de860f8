using Caravan.Trade.Contracts;

namespace Caravan.Trade.Tests;

/// <summary>ISO 4217 currency codes: the currencies a declaration is invoiced in, and what is said about everything else.</summary>
public sealed class CurrencyCodeTests
{
    private static string Accepted(string? input)
    {
        var parsed = CurrencyCodes.Parse(input);
        Assert.True(parsed.IsValid, parsed.Error);
        return parsed.Value!;
    }

    private static string Refused(string? input)
    {
        var parsed = CurrencyCodes.Parse(input);
        Assert.False(parsed.IsValid, $"'{input}' was accepted as {parsed.Value}");
        Assert.Null(parsed.Value);
        return parsed.Error!;
    }

    [Theory]
    [InlineData("CNY")]
    [InlineData("KZT")]
    [InlineData("KGS")]
    [InlineData("TJS")]
    [InlineData("TMT")]
    [InlineData("UZS")]
    [InlineData("USD")]
    [InlineData("EUR")]
    [InlineData("RUB")]
    [InlineData("GBP")]
    [InlineData("JPY")]
    [InlineData("CHF")]
    [InlineData("TRY")]
    [InlineData("AED")]
    [InlineData("INR")]
    [InlineData("KRW")]
    [InlineData("HKD")]
    [InlineData("XCG")]
    [InlineData("ZWG")]
    [InlineData("XOF")]
    public void The_currencies_of_the_member_states_and_major_trading_currencies_are_accepted(string code)
    {
        Assert.Equal(code, Accepted(code));
    }

    [Theory]
    [InlineData("cny", "CNY")]
    [InlineData(" kzt ", "KZT")]
    [InlineData("Usd", "USD")]
    [InlineData("ＵＺＳ", "UZS")]
    public void Case_surrounding_spaces_and_full_width_letters_are_normalised(string input, string expected)
    {
        Assert.Equal(expected, Accepted(input));
    }

    [Fact]
    public void A_currency_has_its_numeric_code_minor_unit_and_name()
    {
        Assert.Equal(new CurrencyInfo("CNY", "156", 2, "Yuan Renminbi"), CurrencyCodes.Find("CNY"));
        Assert.Equal(new CurrencyInfo("KZT", "398", 2, "Tenge"), CurrencyCodes.Find("KZT"));
        Assert.Equal(new CurrencyInfo("JPY", "392", 0, "Yen"), CurrencyCodes.Find("JPY"));
        Assert.Equal(new CurrencyInfo("KWD", "414", 3, "Kuwaiti Dinar"), CurrencyCodes.Find("KWD"));
        Assert.Equal(new CurrencyInfo("ALL", "008", 2, "Lek"), CurrencyCodes.Find("ALL"));
        Assert.Null(CurrencyCodes.Find("cny"));
        Assert.Null(CurrencyCodes.Find("XAU"));
        Assert.Null(CurrencyCodes.Find(null));
    }

    [Fact]
    public void RMB_is_refused_with_the_code_of_the_yuan()
    {
        Assert.Equal("'RMB' is not an ISO 4217 code; the Chinese yuan is CNY.", Refused("RMB"));
        Assert.Equal("'RMB' is not an ISO 4217 code; the Chinese yuan is CNY.", Refused("rmb"));
        Assert.Contains("the Chinese yuan is CNY", Refused("CNH"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KAZ", "'KAZ' is Kazakhstan's ISO 3166 country code, not a currency; Kazakhstan's currency is KZT.")]
    [InlineData("UZB", "'UZB' is Uzbekistan's ISO 3166 country code, not a currency; Uzbekistan's currency is UZS.")]
    [InlineData("CHN", "'CHN' is China's ISO 3166 country code, not a currency; China's currency is CNY.")]
    public void A_member_states_country_code_is_refused_with_its_currency(string input, string expected)
    {
        Assert.Equal(expected, Refused(input));
    }

    [Theory]
    [InlineData("BGN", "'BGN' is no longer an ISO 4217 code: the Bulgarian lev was withdrawn when Bulgaria adopted the euro on 1 January 2026 (amendment 180). Use EUR (Euro).")]
    [InlineData("ANG", "'ANG' is no longer an ISO 4217 code: the Netherlands Antillean guilder was replaced by the Caribbean guilder on 31 March 2025 (amendment 176). Use XCG (Caribbean Guilder).")]
    [InlineData("CUC", "'CUC' is no longer an ISO 4217 code: the Cuban convertible peso was withdrawn (amendment 178). Use CUP (Cuban Peso).")]
    [InlineData("TMM", "'TMM' is no longer an ISO 4217 code: the old Turkmenistan manat was withdrawn in 2009. Use TMT (Turkmenistan New Manat).")]
    [InlineData("TJR", "'TJR' is no longer an ISO 4217 code: the Tajik ruble was withdrawn in 2001. Use TJS (Somoni).")]
    public void A_withdrawn_code_is_refused_with_its_successor(string input, string expected)
    {
        Assert.Equal(expected, Refused(input));
    }

    [Fact]
    public void The_old_Russian_ruble_code_is_refused_with_RUB()
    {
        Assert.EndsWith("Use RUB (Russian Ruble).", Refused("RUR"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XAU", "'XAU' is an ISO 4217 code but not a currency an invoice is paid in (Gold); give the currency of the invoice, e.g. USD.")]
    [InlineData("XXX", "'XXX' is an ISO 4217 code but not a currency an invoice is paid in (The codes assigned for transactions where no currency is involved); give the currency of the invoice, e.g. USD.")]
    [InlineData("CLF", "'CLF' is an ISO 4217 fund code (Unidad de Fomento), not a currency an invoice is paid in; give the currency of the invoice, e.g. USD.")]
    [InlineData("XAD", "'XAD' is an ISO 4217 fund code (Arab Accounting Dinar), not a currency an invoice is paid in; give the currency of the invoice, e.g. USD.")]
    public void Fund_and_special_codes_are_refused_with_what_they_are(string input, string expected)
    {
        Assert.Equal(expected, Refused(input));
    }

    [Theory]
    [InlineData("Tenge", "'Tenge' is the name of a currency; its ISO 4217 code is KZT.")]
    [InlineData("euro", "'euro' is the name of a currency; its ISO 4217 code is EUR.")]
    [InlineData("US  Dollar", "'US Dollar' is the name of a currency; its ISO 4217 code is USD.")]
    [InlineData("Bolívar Soberano", "'Bolívar Soberano' is the name of more than one currency; their ISO 4217 codes are VED and VES.")]
    public void A_currency_name_is_refused_with_its_code(string input, string expected)
    {
        Assert.Equal(expected, Refused(input));
    }

    [Fact]
    public void A_numeric_code_is_refused_with_the_alphabetic_one()
    {
        Assert.Equal("'156' is the ISO 4217 numeric code of the Yuan Renminbi; give the alphabetic code, CNY.", Refused("156"));
    }

    [Theory]
    [InlineData("KZD", "'KZD' is not an ISO 4217 currency code; did you mean KZT (Tenge)?")]
    [InlineData("CNX", "'CNX' is not an ISO 4217 currency code; did you mean CNY (Yuan Renminbi)?")]
    [InlineData("UZD", "'UZD' is not an ISO 4217 currency code; did you mean UZS (Uzbekistan Sum)?")]
    [InlineData("QQQ", "'QQQ' is not an ISO 4217 currency code; the member states' currencies are CNY, KZT, KGS, TJS, TMT and UZS.")]
    public void An_unknown_code_is_refused_with_the_currencies_it_was_probably_meant_to_be(string input, string expected)
    {
        Assert.Equal(expected, Refused(input));
    }

    [Theory]
    [InlineData("US", "'US' is not an ISO 4217 code: a currency code has three Latin letters, e.g. CNY or USD.")]
    [InlineData("USDT", "'USDT' is not an ISO 4217 code: a currency code has three Latin letters, e.g. CNY or USD.")]
    [InlineData("U$D", "'U$D' is not an ISO 4217 code: a currency code has three Latin letters, e.g. CNY or USD.")]
    [InlineData("999", "'999' is not an ISO 4217 code: a currency code has three Latin letters, e.g. CNY or USD.")]
    public void Anything_that_is_not_three_letters_is_refused(string input, string expected)
    {
        Assert.Equal(expected, Refused(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_currency_is_required(string? input)
    {
        Assert.Equal("is required: a three-letter ISO 4217 currency code such as CNY, KZT or USD.", Refused(input));
    }

    [Fact]
    public void A_very_long_input_is_refused_without_echoing_it()
    {
        Assert.Equal("is 1000 characters long; an ISO 4217 currency code has three letters, e.g. CNY.", Refused(new string('X', 1000)));
    }

    [Fact]
    public void The_edition_names_the_list_and_its_amendments()
    {
        Assert.Contains("2024-06-25", CurrencyCodes.Edition, StringComparison.Ordinal);
        Assert.Contains("180", CurrencyCodes.Edition, StringComparison.Ordinal);
    }
}
