namespace Storyboard.Functions.Tests;

/// <summary>Test classes that share one run of the dataset path (it is the slow part of the suite).</summary>
[CollectionDefinition(Name)]
public sealed class DatasetPathCollection : ICollectionFixture<DatasetPathFixture>
{
    public const string Name = "dataset path";
}
