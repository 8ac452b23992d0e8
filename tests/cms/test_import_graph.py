"""The project's modules import one another one way: no import circle, and the shared core
(``cms``) never imports the page apps that build on it.

Every import statement counts, at the top of a module or inside a function: an import moved into
a function to break a circle still runs both ways. An import names the module it reads:
``from cms.seo import metadata`` is an import of ``cms.seo.metadata``, ``from cms.seo import X``
of ``cms/seo/__init__.py``. What Django and Wagtail import from dotted paths in strings (settings,
``"media_library.VideoPage"``) is no import here: it is read once the apps are loaded."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# Known circles, each a set of modules, to be removed from this list once broken (none now: keep
# it that way).
KNOWN_CIRCLES = []

# The modules of cms that may import the apps built on it: the root URLconf, which routes to their
# views.
CMS_MODULES_THAT_WIRE_APPS = {"cms.urls"}


def project_modules():
    """Module name -> (path, whether it is a package's __init__) of every app of the project."""
    modules = {}
    for app in apps.get_app_configs():
        if app.name not in settings.PROJECT_APPS:
            continue
        path = Path(app.path)
        for file in path.rglob("*.py"):
            parts = list(file.relative_to(ROOT).with_suffix("").parts)
            is_package = parts[-1] == "__init__"
            modules[".".join(parts[:-1] if is_package else parts)] = (file, is_package)
    return modules


def project_imports():
    """Module name -> the names of the project's modules it imports (a package when it imports
    a name from the package's __init__), whether they exist or not."""
    modules = project_modules()
    top_level = {name.split(".")[0] for name in modules}
    imports = {}
    for name, (file, is_package) in modules.items():
        package = name if is_package else name.rpartition(".")[0]
        imported = set()
        for node in ast.walk(ast.parse(file.read_text(), str(file))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module
                for alias in node.names:
                    submodule = f"{source}.{alias.name}"
                    imported.add(submodule if submodule in modules else source)
        imports[name] = {
            module for module in imported if module.split(".")[0] in top_level and module != name
        }
    return modules, imports


def import_graph():
    """Module name -> the project modules it imports."""
    modules, imports = project_imports()
    return {
        name: {module for module in imported if module in modules}
        for name, imported in imports.items()
    }


def circles(graph):
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph[module]:
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(component)

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_the_graph_sees_imports_inside_functions():
    graph = import_graph()
    # cms.apps imports these in ready(), not at the top.
    assert {"cms.editing.roles", "cms.signal_handlers"} <= graph["cms.apps"]
    assert "media_library.models" in graph["media_library.apps"]


def test_every_import_of_a_project_module_finds_it():
    """A module that moved leaves no import of its old name behind, even inside a function."""
    modules, imports = project_imports()
    missing = {
        name: sorted(imported - set(modules))
        for name, imported in imports.items()
        if imported - set(modules)
    }
    assert missing == {}


def test_no_import_circle():
    found = circles(import_graph())
    unexpected = [
        sorted(circle) for circle in found if not any(circle <= known for known in KNOWN_CIRCLES)
    ]
    assert unexpected == [], "import circles (each module imports the next, around)"
    gone = [sorted(known) for known in KNOWN_CIRCLES if not any(c & known for c in found)]
    assert gone == [], "these circles are broken: remove them from KNOWN_CIRCLES"


def test_cms_never_imports_the_apps_built_on_it():
    graph = import_graph()
    backwards = {
        module: sorted(imported for imported in graph[module] if imported.split(".")[0] != "cms")
        for module in graph
        if module.split(".")[0] == "cms"
    }
    backwards = {module: imported for module, imported in backwards.items() if imported}
    unexpected = {
        module: imported
        for module, imported in backwards.items()
        if module not in CMS_MODULES_THAT_WIRE_APPS
    }
    assert unexpected == {}
    gone = CMS_MODULES_THAT_WIRE_APPS - set(backwards)
    assert gone == set(), (
        "these import no app any more: remove them from CMS_MODULES_THAT_WIRE_APPS"
    )
