// Build script: `dotnet fsi build.fsx <target>`. Targets: build, test, demo, train, ci.
// A plain F# script with its own small target table (Fake.Core.Target is not obtainable here).
open System
open System.Diagnostics
open System.IO

let root = __SOURCE_DIRECTORY__

let run (program: string) (args: string) =
    printfn "> %s %s" program args
    let info = ProcessStartInfo(program, args, WorkingDirectory = root, UseShellExecute = false)
    use p = Process.Start info
    p.WaitForExit()
    if p.ExitCode <> 0 then failwithf "'%s %s' failed with exit code %d" program args p.ExitCode

/// The shipped default model: a simulated journal (no market data is reachable here), trained and validated.
/// SCREENER_TRAIN_HOURS sets the simulated hours (default 72: shorter journals leave the validation and test windows too few
/// volatile spells for the calibration to carry over).
let train () =
    let hours = match Environment.GetEnvironmentVariable "SCREENER_TRAIN_HOURS" with | null | "" -> "72" | h -> h
    let db = Path.Combine(root, "data", "train", $"sim-{hours}h-seed20261124.db")
    Directory.CreateDirectory(Path.GetDirectoryName db) |> ignore
    for suffix in [ ""; "-wal"; "-shm" ] do File.Delete(db + suffix)
    run "dotnet" "build src/Screener -c Release"
    let screener args = run "dotnet" ("run --project src/Screener -c Release --no-build -- " + args)
    screener $"sim --generate --hours {hours} --symbols 12 --seed 20261124 --db \"{db}\""
    screener $"train --db \"{db}\" --out models"
    screener $"validate --model models --db \"{db}\" --out models/validation"

let targets: (string * string * (unit -> unit)) list =
    [ "build", "compile the solution (Release)", fun () -> run "dotnet" "build Screener.sln -c Release"
      "test", "run every test (the README's test command)", fun () -> run "dotnet" "test Screener.sln"
      "demo", "run the offline demo for 2 minutes", fun () -> run "dotnet" "run --project src/Screener -c Release -- demo --duration 2m"
      "train", "train the default model on a simulated journal into models/ and validate it", train
      "ci", "what CI runs: build, then test", fun () -> run "dotnet" "build Screener.sln -c Release"; run "dotnet" "test Screener.sln" ]

let usage () =
    printfn "usage: dotnet fsi build.fsx <target>"
    for (name, description, _) in targets do printfn "  %-8s %s" name description

match fsi.CommandLineArgs |> Array.skip 1 |> List.ofArray with
| [ name ] ->
    match targets |> List.tryFind (fun (n, _, _) -> n = name) with
    | Some (_, _, action) ->
        try action (); exit 0
        with e -> eprintfn "error: %s" e.Message; exit 1
    | None -> eprintfn "unknown target '%s'" name; usage (); exit 2
| _ -> usage (); exit 2
