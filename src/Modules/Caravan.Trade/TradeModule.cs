using Caravan.Trade.Features.CodeLists;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Trade;

/// <summary>
/// Registration of the Trade module (issue 4). So far: the code lists a declaration is checked against
/// (containers, currencies, units, package types, transport modes) and their API.
/// </summary>
public static class TradeModule
{
    public static IEndpointRouteBuilder MapTradeApi(this IEndpointRouteBuilder api)
    {
        api.MapCodeListsApi();
        return api;
    }
}
