public enum VitaalDomain { public static let version = "0.1.0" }
