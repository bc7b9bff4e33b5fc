using CommunityBot.LoadTests;

// dotnet run -c Release --project tests/CommunityBot.LoadTests -- [--members 100] [--seconds 60 | --presses 10] [--profile people|saturation]
//     [--think-ms 500-2000]
//     [--providers sqlite,postgres] [--host-log file]

// The fake Teams checks every card through one node process and blocks a thread while it waits for the answer; with
// threads to spare the members' client does not queue behind it, so the latencies stay the host's.
ThreadPool.SetMinThreads(256, 256);
return await LoadRun.RunAsync(LoadSettings.Parse(args));
