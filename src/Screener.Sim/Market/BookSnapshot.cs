namespace Screener.Sim.Market;

/// <summary>
/// A symbol's book at a step boundary, best levels first, as <c>GET /fapi/v1/depth</c> serves it.
/// <see cref="LastUpdateId"/> is the id of the symbol's latest change, i.e. the <c>u</c> of the diff that
/// contains it, so a client that drops diffs with <c>u &lt; lastUpdateId</c> and then chains <c>pu</c> syncs.
/// </summary>
/// <param name="Symbol">Upper-case symbol.</param>
/// <param name="LastUpdateId">Update id the snapshot reflects.</param>
/// <param name="TransactionTimeMs">Matching-engine time of that update (<c>T</c>).</param>
/// <param name="Bids">Bids, highest first.</param>
/// <param name="Asks">Asks, lowest first.</param>
public sealed record BookSnapshot(
    string Symbol,
    long LastUpdateId,
    long TransactionTimeMs,
    IReadOnlyList<BookLevel> Bids,
    IReadOnlyList<BookLevel> Asks);
