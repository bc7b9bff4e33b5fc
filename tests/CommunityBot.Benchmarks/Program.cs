using CommunityBot.Benchmarks;

// dotnet run -c Release --project tests/CommunityBot.Benchmarks -- [--recipients 10000] [--ceiling 500] [--pace 490] [--parallelism 32] [--latency-ms 20]
return await FanOutBenchmark.RunAsync(FanOutSettings.Parse(args));
