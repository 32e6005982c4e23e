// Namespaces nearly every file of this project uses, imported once for all of them.
global using System;
global using System.Collections.Generic;
global using System.Linq;
