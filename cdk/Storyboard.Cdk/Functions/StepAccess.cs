namespace Storyboard.Cdk.Functions;

/// <summary>
/// What a workflow step may touch beyond its own run folder (every Task state reads and writes
/// <c>runs/*</c>; RecordFailure, which is not a state, does not). Each flag maps to the narrowest IAM statements the APIs allow, in <see cref="StepPermissions"/>.
/// </summary>
[Flags]
public enum StepAccess
{
    None = 0,

    /// <summary>Read the uploaded video (<c>uploads/*</c>).</summary>
    ReadUploads = 1 << 0,

    /// <summary>Read the character reference images (<c>characters/*</c>).</summary>
    ReadCharacters = 1 << 1,

    /// <summary>Write frames with the <c>storyboard:kind=frame</c> tag the lifecycle rule expires.</summary>
    TagFrames = 1 << 2,

    /// <summary>Index and tidy the reference faces of the stack's Rekognition collection.</summary>
    IndexCharacterFaces = 1 << 3,

    /// <summary>Search frames against the collection and detect faces/labels.</summary>
    SearchCharacterFaces = 1 << 4,

    /// <summary>Read the base model's lifecycle before any paid work (GetFoundationModel).</summary>
    CheckBaseModel = 1 << 5,

    /// <summary>InvokeModel on the embedding model.</summary>
    InvokeEmbeddingModel = 1 << 6,

    /// <summary>InvokeModel on the caption model (or its inference profile).</summary>
    InvokeCaptionModel = 1 << 7,

    /// <summary>Create (or find) the model customization job and pass it the service role.</summary>
    StartCustomization = 1 << 8,

    /// <summary>Read a customization job's status.</summary>
    ReadCustomization = 1 << 9,

    /// <summary>Buy (or find) provisioned throughput for the custom model.</summary>
    ProvisionThroughput = 1 << 10,

    /// <summary>Read a provisioned throughput's status.</summary>
    ReadThroughput = 1 << 11,

    /// <summary>Delete the provisioned throughput.</summary>
    DeleteThroughput = 1 << 12,

    /// <summary>InvokeModel on the stack account's provisioned models (the custom model).</summary>
    InvokeCustomModel = 1 << 13,

    /// <summary>Write <c>runs/*/error.json</c> and, for a run that never got an id, <c>runs/_failed/*</c>.</summary>
    WriteErrorRecords = 1 << 15,
}
