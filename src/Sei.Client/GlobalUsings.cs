// Namespaces nearly every file of this project uses, imported once for all of them: the base
// library, HTTP and JSON the client is made of, and EditorBrowsable, which hides the plumbing
// generated code calls from IntelliSense.
global using System;
global using System.Collections.Generic;
global using System.ComponentModel;
global using System.Globalization;
global using System.Linq;
global using System.Net;
global using System.Net.Http;
global using System.Text;
global using System.Text.Json;
global using System.Threading;
global using System.Threading.Tasks;
