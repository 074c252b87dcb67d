public import Foundation

/// The data files that ship with Chainscope: built-in datasets, division tables and taxonomies.
public enum BuiltinResources {
    /// The folder holding one sub-folder per built-in dataset.
    public static var datasets: URL { folder("Datasets") }

    /// The folder holding the division tables and the record of their changes.
    public static var regions: URL { folder("Regions") }

    /// The folder holding one YAML file per built-in taxonomy (`ai.yaml`, `ic.yaml`).
    public static var taxonomies: URL { folder("Taxonomies") }

    /// The file of the built-in taxonomy with this id.
    public static func taxonomy(_ id: String) -> URL { taxonomies.appendingPathComponent("\(id).yaml") }

    /// The folder of the built-in dataset with this id.
    public static func dataset(_ id: String) -> URL { datasets.appendingPathComponent(id, isDirectory: true) }

    private static func folder(_ name: String) -> URL {
        // The resources are copied into the build at a fixed place; their absence is a packaging fault.
        guard let url = Bundle.module.url(forResource: name, withExtension: nil) else {
            preconditionFailure("Chainscope's \(name) resources are missing from the build")
        }
        return url
    }
}
