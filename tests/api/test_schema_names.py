"""Every response and request schema of the API has a name of its own: two routers' classes with one name
would share one component in the OpenAPI document, and one of them would be described wrongly."""

import importlib
import pkgutil

from ninja import Schema

import chinjeol.api.routers as routers


def test_schema_class_names_are_unique_across_routers():
    seen: dict[str, str] = {}
    clashes = []
    for info in pkgutil.iter_modules(routers.__path__):
        module = importlib.import_module(f"{routers.__name__}.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, type) and issubclass(value, Schema) and value.__module__ == module.__name__:
                if name in seen:
                    clashes.append(f"{name}: {seen[name]} / {info.name}")
                seen[name] = info.name
    assert not clashes, clashes
