namespace Storyboard.Local.Vision.Internal;

/// <summary>Everything the detector knows about one character: its templates (both orientations) and colour model.</summary>
internal sealed class CharacterModel
{
    public CharacterModel(string name, IReadOnlyList<ReferenceTemplate> templates)
    {
        Name = name;
        Templates = templates;
        Colour = new float[ColourBins.Count];
        foreach (var t in templates)
        {
            for (var k = 0; k < Colour.Length; k++)
            {
                Colour[k] += t.Colour[k];
            }
        }

        ReferenceTemplate.Normalise(Colour);
        Aspect = Math.Exp(templates.Average(t => Math.Log(t.Aspect)));
    }

    public string Name { get; }

    public IReadOnlyList<ReferenceTemplate> Templates { get; }

    /// <summary>Normalised colour histogram over all references.</summary>
    public float[] Colour { get; }

    /// <summary>Geometric mean of the references' width/height, the search window shape.</summary>
    public double Aspect { get; }
}
