using CommunityBot.LoadTests;

// dotnet run -c Release --project tests/CommunityBot.LoadTests -- [--members 100] [--seconds 60 | --presses 10] [--providers sqlite,postgres]
return await LoadRun.RunAsync(LoadSettings.Parse(args));
