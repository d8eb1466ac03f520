import VitaalDomain

/// Plot 0.14 escapes text nodes but writes attribute values exactly as given
/// (`name="value"`), so a value holding `"` would end the attribute and start markup of its own.
/// Every attribute value that is not a string literal in the code passes through `attr(_:)`;
/// it is the same escaper the SVG renderer uses (`& < > " '`), so there is one rule for all HTML.
/// `AttributeEscapingTests` renders every form helper with hostile values and the route walk
/// checks that no raw `"'><` sequence from a request comes back.
public func attr(_ value: String) -> String { SVG.escape(value) }
