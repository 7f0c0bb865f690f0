// The contracts of this capability's routes (lib/http/endpoint-contract.ts), registered in lib/openapi/endpoint-registry.ts.
export {};
