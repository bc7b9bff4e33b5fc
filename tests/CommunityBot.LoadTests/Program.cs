using CommunityBot.LoadTests;

// dotnet run -c Release --project tests/CommunityBot.LoadTests -- [--members 100] [--seconds 60 | --presses 10] [--providers sqlite,postgres] [--host-log file]
return await LoadRun.RunAsync(LoadSettings.Parse(args));
