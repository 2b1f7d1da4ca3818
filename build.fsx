// Build script: `dotnet fsi build.fsx <target>`. Targets: build, test, demo, ci.
// A plain F# script with its own small target table (Fake.Core.Target is not obtainable here).
open System
open System.Diagnostics

let root = __SOURCE_DIRECTORY__

let run (program: string) (args: string) =
    printfn "> %s %s" program args
    let info = ProcessStartInfo(program, args, WorkingDirectory = root, UseShellExecute = false)
    use p = Process.Start info
    p.WaitForExit()
    if p.ExitCode <> 0 then failwithf "'%s %s' failed with exit code %d" program args p.ExitCode

let targets: (string * string * (unit -> unit)) list =
    [ "build", "compile the solution (Release)", fun () -> run "dotnet" "build Screener.sln -c Release"
      "test", "run every test (the README's test command)", fun () -> run "dotnet" "test Screener.sln"
      "demo", "run the offline demo for 2 minutes", fun () -> run "dotnet" "run --project src/Screener -c Release -- demo --duration 2m"
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
