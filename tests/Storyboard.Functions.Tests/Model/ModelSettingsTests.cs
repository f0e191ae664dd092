using Storyboard.Functions.Model;

namespace Storyboard.Functions.Tests.Model;

public sealed class ModelSettingsTests
{
    [Fact]
    public void FromEnvironment_WhenTheDeploymentSetsTheCustomizationRole_ShouldUseIt()
    {
        // The deployment sets STORYBOARD_CUSTOMIZATION_ROLE_ARN on StartFineTuning (cdk FunctionEnvironment).
        const string role = "arn:aws:iam::123456789012:role/Storyboard-ModelCustomization";
        var variables = new Dictionary<string, string> { ["STORYBOARD_CUSTOMIZATION_ROLE_ARN"] = role, ["STORYBOARD_MODEL_UNITS"] = "2" };

        var settings = ModelSettings.FromEnvironment(name => variables.GetValueOrDefault(name));

        Assert.Equal(role, settings.RoleArn);
        Assert.Equal(2, settings.ModelUnits);
    }

    [Fact]
    public void FromEnvironment_WhenNoRoleIsSet_ShouldUseTheDryRunRoleAndOneUnit()
    {
        var settings = ModelSettings.FromEnvironment(_ => null);

        Assert.Equal(ModelSettings.DryRunRoleArn, settings.RoleArn);
        Assert.Equal(1, settings.ModelUnits);
    }
}
