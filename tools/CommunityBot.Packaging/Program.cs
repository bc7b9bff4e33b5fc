namespace CommunityBot.Packaging;

public static class Program
{
    public static int Main(string[] args) => PackageCommand.Run(args, Console.Out, Console.Error);
}
