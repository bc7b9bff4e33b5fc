using CommunityBot.Benchmarks;

// dotnet run -c Release --project tests/CommunityBot.Benchmarks -- --profile chats|no-chats|many|multi [--recipients N] [--database sqlite|postgres] [--instances 1|2|3] [--connection-string …] [--timeout-seconds S] [--latency-ms 20]
// dotnet run -c Release --project tests/CommunityBot.Benchmarks -- --sweeps [--sizes 100,100000] [--providers sqlite,postgres] [--runs 300]
// dotnet run -c Release --project tests/CommunityBot.Benchmarks -- --digests [--sizes 1000,10000] [--providers sqlite,postgres] [--log-sql]
// dotnet run -c Release --project tests/CommunityBot.Benchmarks -- --fairness [--bulk 10000] [--every-ms 1000] [--ceiling 50]
return args.Contains("--sweeps") ? await SweepBenchmark.RunAsync(SweepSettings.Parse(args))
    : args.Contains("--digests") ? await DigestBenchmark.RunAsync(DigestSettings.Parse(args))
    : args.Contains("--fairness") ? await FairnessBenchmark.RunAsync(FairnessSettings.Parse(args))
    : await FanOutBenchmark.RunAsync(args);
