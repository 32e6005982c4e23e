using System.Buffers;

namespace Sei.Client.Json;

/// <summary>
/// A growable run of items on arrays rented from <see cref="ArrayPool{T}.Shared"/>, for reading a
/// JSON array whose length is known only at its end. It is a struct used by one method at a time:
/// create it, add, copy the items out, and <see cref="Return"/> it in a <see langword="finally"/>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal struct SeiPooledBuffer<T>
{
    private T[] _items;
    private int _count;

    public SeiPooledBuffer(int capacity)
    {
        _items = ArrayPool<T>.Shared.Rent(capacity);
        _count = 0;
    }

    public void Add(T item)
    {
        if (_count == _items.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
            Array.Copy(_items, larger, _count);
            Release(_items, _count);
            _items = larger;
        }

        _items[_count++] = item;
    }

    /// <summary>A list of exactly the items added.</summary>
    public readonly List<T> ToList()
    {
        var list = new List<T>(_count);
#if NET8_0_OR_GREATER
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(list, _count);
        _items.AsSpan(0, _count).CopyTo(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
#else
        for (var i = 0; i < _count; i++)
        {
            list.Add(_items[i]);
        }
#endif
        return list;
    }

    /// <summary>Gives the array back to the pool, cleared so that it keeps no item alive.</summary>
    public void Return()
    {
        if (_items is not null)
        {
            Release(_items, _count);
            _items = null!;
            _count = 0;
        }
    }

    private static void Release(T[] items, int count)
    {
#if NETCOREAPP
        // Items without references keep nothing alive: no need to clear them.
        if (System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(items, 0, count);
        }
#else
        Array.Clear(items, 0, count);
#endif
        ArrayPool<T>.Shared.Return(items);
    }
}
