"""openapi-modelgen: OpenAPI documents to pydantic models and Speakeasy-style Markdown docs."""

__version__ = "0.1.0"
