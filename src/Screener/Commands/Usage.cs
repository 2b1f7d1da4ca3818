namespace Screener.Commands;

/// <summary>The help text.</summary>
public static class Usage
{
    public const string Text = """
        screener — CryptoScreener-X, an in-play predictor for Binance USDⓈ-M futures.

        Usage:
          screener demo [--duration 60s] [--db data/screener.db] [--seed 42] [--symbols 12] [--plain] [--faults SPEC] [--config FILE.conf]
              Start the simulated exchange and a node in one process, connected over loopback WebSockets,
              and show the live top-K until Ctrl+C or --duration. The journal goes to --db (SQLite).
          screener sim [--port 9100] [--seed 42] [--symbols 12] [--duration 10m] [--faults SPEC]
                       [--blast FRAMES] [--until-stdin-closes] [--episode-rate R]
              Run the simulated exchange alone on 127.0.0.1 (WebSocket and REST on one port).
              SPEC injects faults, comma-separated: disconnect-every=10s, gap-every=5s, gap-symbol=SYM,
              silent=SYM[;SYM], malformed-every=2s, rest-429-storm=30s, rest-418=2m, slow=50ms,
              pause=3s@20s, lifetime=20s, rest-latency=200ms.
              --blast sends each connection its share of a fixed tape of FRAMES frames (depth, book ticker,
              aggTrade, mark price, liquidations) at full speed after its LIST_SUBSCRIPTIONS reply; REST answers
              as of the tape's start. --until-stdin-closes also stops at the end of standard input.
              --episode-rate R plants in-play episodes in the served market (R per symbol per idle hour; off by default).
          screener sim --generate --hours H --db PATH [--symbols 12] [--seed 42] [--episode-rate 4]
              Start no exchange: step the simulated market at full speed and write H simulated hours into a new SQLite
              journal at PATH, framed exactly as a node journals a live session (connections, subscription replies,
              depth snapshots, premiumIndex/openInterest/fundingInfo polls, heartbeats, sequence numbers). Planted
              in-play episodes (R per symbol per idle hour, 0 for none) keep their truth in the table sim_episodes
              of the same file, never in the frames. Progress on stderr; the report ends with simulated hours per
              wall minute. The same seed always writes the same journal.
          screener record (--exchange binance|sim | --ws URL --rest URL) [--symbols N] [--duration D] [--db data/screener.db]
                          [--seed 42] [--faults SPEC] [--quiet]
              Journal the raw frames of an exchange endpoint exactly as a node does (its universe, connection plan,
              reconnecting WebSocket sessions, REST depth snapshots and pollers; resyncs after gaps) and nothing else:
              no features, no model. --exchange binance uses the endpoints in hocon/ (screener.exchange); --exchange sim
              starts the simulated exchange in this process (--seed, --faults and --symbols as for demo); --ws/--rest
              name any Binance-compatible endpoint (for example a 'screener sim --port 9100': ws://127.0.0.1:9100 and
              http://127.0.0.1:9100). --symbols N records the N symbols with the highest 24h quote volume instead of
              screener.exchange.symbols. Runs for --duration or until Ctrl+C/SIGTERM, then journals every frame
              received and prints how many. Progress on stderr every 2 s unless --quiet; the summary on stdout.
              Exit 2 for a wrong command line, 1 for an endpoint that cannot be read, no WebSocket connection within
              the connect and subscribe timeouts, or a failed journal.
          screener journal stats [--db data/screener.db]
              Print event counts per persistence id and tag, and the raw frames inside frame batches.
          screener parse FILE
              Decode raw frames (one JSON frame a line) into normalised events as JSON lines; unknown and
              malformed lines are reported on stderr with their line numbers.
          screener book --snapshot FILE --frames FILE [--market futures|spot]
              Sync an order book from a REST depth snapshot and a file of diff frames; print the result as JSON.
          screener plan [--sim] [--all]
              Build the symbol universe from exchangeInfo and print the stable connection plan (and exclusions).
              --sim plans against an in-process simulated exchange; --all ignores the configured symbol list.
          screener features spec [--json]
              Print the feature spec every FeatureSnapshot carries: version, hash, NaN policy, and per feature
              its index, name, window, unit and meaning.
          screener features build --out FILE.parquet [--db data/screener.db] [--from-seq N] [--to-seq N] [--shard S]
              Run the raw journal's frames through the graph's own feature code and write the snapshots as a
              Parquet file (symbol, time, time_ticks, warm_up, stale, book_out_of_sync, then one float32 column
              per feature in spec order; spec, source and NaN policy in the file's metadata). --from-seq and
              --to-seq select frames by sequence number, inclusive; --shard picks the raw journal when the file
              holds several. Progress on stderr, summary on stdout. Exit 2 for a wrong command line or a
              missing journal, 1 for an empty journal or range, an unwritable output, or a failed build.
          screener train [--db data/screener.db] [--out models] [--config FILE.conf] [--shard S] [--row-every 1s]
                         [--trees 25] [--leaves 16] [--min-leaf 20] [--learning-rate 0.2] [--seed 42] [--regimes 3]
                         [--train 0.6] [--validation 0.2] [--precision double|float] [--exclude-features a,b|none]
                         [--semver 0.1.0] [--git-sha SHA]
              Train a model on a journal and package it into --out: training rows (the graph's features at one row
              per symbol every --row-every, labels per profile and horizon from the recorded books), a time split
              with a purge gap of the longest horizon, per head a FastTree classifier (in play) and regressor (net
              edge), isotonic calibrators fitted on the validation split, a k-means regime model, one ONNX file for
              every head, manifest.json (model_version = semver+git_sha.data_cutoff.training_hash) and
              MODEL_CARD.md. --config overrides HOCON keys (for example screener.pipeline.horizons). The time of day
              is left out when the rows span under 7 days (--exclude-features none keeps it). --git-sha defaults to
              the working directory's commit. The same journal and options give the same bytes. Progress on
              stderr. Exit 2 for a wrong command line or a missing journal, 1 for a journal too short or without
              both classes in a split.
          screener validate [--model models] [--db data/screener.db] [--rows test|all] [--out MODEL/validation]
                            [--top-k 5] [--config FILE.conf] [--check]
              Write the model's validation report (report.md and PNG charts): AUC, PR-AUC, Brier, log loss, ECE
              with reliability diagrams, top-K precision and mean realized net edge, per regime, feature-group
              ablations, the same for the volatility-rank and volume-spike baselines and, on simulated journals,
              the simulator's oracle; then the targets per head (ECE <= 0.02, AUC within 0.03 of the oracle's, top-K
              net edge above both baselines). --rows test evaluates the manifest's test split of its training
              journal; --rows all takes another journal (its first quarter calibrates the baselines). --check exits
              1 when a target is missed. Exit 2 for a wrong command line, a missing or malformed model, or a model
              of another feature spec.
          screener backtest [--db data/screener.db] [--model models] [--warm-up 5m] [--shard S] [--config FILE.conf]
              Replay a simulated session (a demo's journal, or sim --generate's) through the node's graph twice, with
              the model and with the baseline heuristic, and report how each ranking met the planted in-play episodes
              that fired: in the top K by score at the rank round before onset, the mean rank percentile there, on
              the board between precursor start and onset (and for how long), and the entries made during episodes.
              Episodes whose precursors begin within --warm-up of the session's start are not judged. Exit 2 for a
              wrong command line, a missing journal or model, or a journal without planted episodes.
          screener bench ingest [--symbols 200] [--messages 4000000] [--connections C] [--seed 42] [--warmup N]
                                [--channel-capacity N] [--socket-floor [raw|websocket-client]]
              Blast a fixed tape from a child 'screener sim --blast' over loopback WebSockets into the connector
              and the ingest half of the graph (parse, normalise, symbol router, book sync); print messages/s,
              process CPU µs and GC bytes per message, and the checks (all decoded, books synced, no gaps).
              --connections plans that many connections (default: the configured plan); --warmup defaults to
              two fifths of the tape (the JIT's tiering settles in it); --channel-capacity overrides the
              frames buffered per connection (256). --socket-floor reads the same tape with a bare
              receive loop per connection (ClientWebSocket, or Websocket.Client as the connector uses it), copying
              and counting each frame and nothing else: what getting frames off the sockets alone costs.
          screener bench inference [--model DIR] [--snapshots 200000] [--warmup 20000] [--symbols 500] [--rounds 2000] [--json]
              Time the trained model as the node runs it, one thread, no network: SymbolScorer.Score (live costs from
              the book, every head, calibration, attributions, gates) called one at a time over 16,384 distinct
              snapshots the graph's feature code builds from 24 simulated symbols (5 min in, clean, books synced),
              cycled; then the ranking tick at --symbols symbols (the RankRounds.Add that completes a round:
              conflation, score aggregation, reason codes, top-K) over a seeded random walk of predictions. Prints
              median, p90, p99, p99.9 and max in µs, bytes allocated per call and per tick, the model's size
              (trees × leaves, ONNX bytes) and test AUC, and the targets (p99 <= 50 µs per snapshot, <= 1 ms per tick).
              --model defaults to screener.model.path; --json prints one JSON object instead of the table.
          screener help
              This text.

        Configuration: hocon/screener.conf (every key with its default and unit). Logs: logs/screener-*.clef.
        """;
}
