/// Server and client code throw result codes directly; `description` names the code.
extension ErrorCode: Error {}
