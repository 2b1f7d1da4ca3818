using Microsoft.ML;
using Screener.Offline.Export;

namespace Screener.Offline.Train;

/// <summary>The two models of one (profile, horizon): P(in play) and expected net edge (bps).</summary>
/// <param name="Head">The head.</param>
/// <param name="InPlayModel">ML.NET's FastTree binary classifier on <c>in_play</c> (Platt-calibrated).</param>
/// <param name="NetEdgeModel">ML.NET's FastTree regressor on <c>net_edge_bps</c>.</param>
/// <param name="InPlay">The classifier's trees, for export (<c>&lt;head&gt;_in_play</c>).</param>
/// <param name="NetEdge">The regressor's trees, for export (<c>&lt;head&gt;_net_edge</c>).</param>
public sealed record TrainedHead(TrainingHead Head, ITransformer InPlayModel, ITransformer NetEdgeModel, TreeHead InPlay, TreeHead NetEdge);
