// Namespaces nearly every file of this project uses, imported once for all of them. The model
// (facts every layer passes on) and the diagnostics catalog are among them; a layer's own
// dependencies (Microsoft.OpenApi in Reading and Building, Roslyn in Emitting and the analyzers)
// stay imported where they are used, so a file's head still says which of them it leans on.
global using System;
global using System.Collections.Generic;
global using System.Globalization;
global using System.Linq;
global using System.Text;
global using System.Text.Json;
global using System.Text.Json.Nodes;
global using Sei.Generators.Diagnostics;
global using Sei.Generators.Model;
