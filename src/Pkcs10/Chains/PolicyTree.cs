using Pkcs10.Extensions;

namespace Pkcs10.Chains;

/// <summary>
/// The valid_policy_tree of RFC 5280 §6.1.2 (a) and its processing in §6.1.3 (d)–(f), §6.1.4 (a)–(b) and
/// §6.1.5 (g). Node creation is counted against a limit, because policy mappings can make the tree grow
/// exponentially with the path length (RFC 9618 §1).
/// </summary>
internal sealed class PolicyTree
{
    private const string AnyPolicy = ChainPolicy.AnyPolicy;

    // levels[d] holds the live nodes of depth d; the root (anyPolicy) is levels[0][0].
    private readonly List<List<Node>> _levels = [];
    private readonly int _maxNodes;

    public PolicyTree(int maxNodes)
    {
        _maxNodes = maxNodes;
        var root = new Node(AnyPolicy, null, [AnyPolicy]);
        _levels.Add([root]);
        NodesCreated = 1;
    }

    /// <summary>Whether the tree is NULL (the root was pruned away).</summary>
    public bool IsNull { get; private set; }

    public int NodesCreated { get; private set; }

    /// <summary>Whether node creation went past the limit (the caller then fails the path).</summary>
    public bool Exhausted { get; private set; }

    /// <summary>§6.1.3 (d) for certificate <paramref name="depth"/> (1-based), whose policies are given.</summary>
    public void ProcessPolicies(int depth, IReadOnlyList<PolicyInformation> policies, bool anyPolicyAllowed)
    {
        List<Node> parents = _levels[depth - 1];
        var level = new List<Node>();
        _levels.Add(level);
        PolicyInformation? any = null;
        foreach (PolicyInformation p in policies)
        {
            if (p.PolicyIdentifier == AnyPolicy)
            {
                any = p;
                continue;
            }

            // (d)(1)(i): children of nodes that expect P; (ii): else of the anyPolicy nodes.
            bool matched = false;
            foreach (Node parent in parents)
            {
                if (parent.Expected.Contains(p.PolicyIdentifier))
                {
                    AddChild(level, parent, p.PolicyIdentifier);
                    matched = true;
                }
            }

            if (!matched)
            {
                foreach (Node parent in parents)
                {
                    if (parent.ValidPolicy == AnyPolicy)
                    {
                        AddChild(level, parent, p.PolicyIdentifier);
                    }
                }
            }
        }

        // (d)(2): anyPolicy in the certificate stands for every expected policy not yet a child.
        if (any is not null && anyPolicyAllowed)
        {
            foreach (Node parent in parents)
            {
                foreach (string expected in parent.Expected)
                {
                    if (!parent.HasChild(expected))
                    {
                        AddChild(level, parent, expected);
                    }
                }
            }
        }

        // (d)(3): prune childless nodes above this depth.
        Prune(depth - 1);
    }

    /// <summary>§6.1.3 (e): a certificate without certificatePolicies makes the tree NULL.</summary>
    public void SetNull()
    {
        IsNull = true;
        _levels.Clear();
    }

    /// <summary>§6.1.4 (b) for the mappings of certificate <paramref name="depth"/>.</summary>
    public void ApplyMappings(int depth, IReadOnlyList<PolicyMapping> mappings, bool mappingAllowed, bool anyPolicyAllowed)
    {
        if (IsNull)
        {
            return;
        }

        // Group: issuerDomainPolicy -> subjectDomainPolicies, in order.
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (PolicyMapping m in mappings)
        {
            if (!map.TryGetValue(m.IssuerDomainPolicy, out List<string>? list))
            {
                map[m.IssuerDomainPolicy] = list = [];
            }

            if (!list.Contains(m.SubjectDomainPolicy))
            {
                list.Add(m.SubjectDomainPolicy);
            }
        }

        List<Node> level = _levels[depth];
        foreach ((string issuerPolicy, List<string> subjectPolicies) in map)
        {
            if (mappingAllowed)
            {
                bool found = false;
                foreach (Node n in level)
                {
                    if (n.ValidPolicy == issuerPolicy)
                    {
                        n.Expected.Clear();
                        n.Expected.UnionWith(subjectPolicies);
                        found = true;
                    }
                }

                if (!found && anyPolicyAllowed)
                {
                    Node? anyNode = level.Find(n => n.ValidPolicy == AnyPolicy);
                    if (anyNode?.Parent is { } parent)
                    {
                        Node created = AddChild(level, parent, issuerPolicy);
                        created.Expected.Clear();
                        created.Expected.UnionWith(subjectPolicies);
                    }
                }
            }
            else
            {
                level.RemoveAll(n =>
                {
                    if (n.ValidPolicy != issuerPolicy)
                    {
                        return false;
                    }

                    n.Parent?.Children.Remove(n);
                    return true;
                });
            }
        }

        if (!mappingAllowed)
        {
            Prune(depth - 1);
        }
    }

    /// <summary>
    /// §6.1.5 (g): intersects the tree of an <paramref name="n"/>-certificate path with the initial policy set and
    /// returns the user-constrained policy set (the valid policies at depth n), or <see langword="null"/> when the
    /// intersection is NULL.
    /// </summary>
    public IReadOnlyList<string>? Intersect(int n, IReadOnlyList<string> initialPolicies)
    {
        if (IsNull)
        {
            return null;
        }

        if (!initialPolicies.Contains(AnyPolicy))
        {
            var initial = new HashSet<string>(initialPolicies, StringComparer.Ordinal);

            // (ii): delete the nodes directly below an anyPolicy node whose policy is not in the initial set.
            var present = new HashSet<string>(StringComparer.Ordinal);
            for (int d = 1; d <= n; d++)
            {
                foreach (Node node in _levels[d].ToArray())
                {
                    if (node.Parent?.ValidPolicy != AnyPolicy || node.ValidPolicy == AnyPolicy)
                    {
                        continue;
                    }

                    if (initial.Contains(node.ValidPolicy))
                    {
                        present.Add(node.ValidPolicy);
                    }
                    else
                    {
                        Delete(node, d);
                    }
                }
            }

            // (iii): an anyPolicy leaf stands for the initial policies not yet present.
            Node? anyLeaf = _levels[n].Find(x => x.ValidPolicy == AnyPolicy);
            if (anyLeaf?.Parent is { } parent)
            {
                foreach (string p in initialPolicies)
                {
                    if (!present.Contains(p))
                    {
                        AddChild(_levels[n], parent, p);
                    }
                }

                Delete(anyLeaf, n);
            }

            Prune(n - 1);
            if (IsNull)
            {
                return null;
            }
        }

        if (_levels[n].Count == 0)
        {
            return null;
        }

        // Policies are reported in the trust anchor's domain, before any mapping: for each surviving leaf node, the
        // policy of its topmost ancestor that is not anyPolicy (anyPolicy when every one is). That is PKITS's
        // user-constrained-policy-set, which the initial policy set is expressed in.
        var result = new List<string>();
        foreach (Node node in _levels[n])
        {
            string policy = AnyPolicy;
            for (Node? x = node; x?.Parent is not null; x = x.Parent)
            {
                if (x.ValidPolicy != AnyPolicy)
                {
                    policy = x.ValidPolicy;
                }
            }

            if (!result.Contains(policy))
            {
                result.Add(policy);
            }
        }

        return result;
    }

    private Node AddChild(List<Node> level, Node parent, string policy)
    {
        if (++NodesCreated > _maxNodes)
        {
            Exhausted = true;
        }

        var child = new Node(policy, parent, [policy]);
        parent.Children.Add(child);
        level.Add(child);
        return child;
    }

    private void Delete(Node node, int depth)
    {
        node.Parent?.Children.Remove(node);
        _levels[depth].Remove(node);
        for (int d = depth + 1; d < _levels.Count; d++)
        {
            _levels[d].RemoveAll(x => IsBelow(x, node));
        }
    }

    private static bool IsBelow(Node x, Node ancestor)
    {
        for (Node? p = x.Parent; p is not null; p = p.Parent)
        {
            if (ReferenceEquals(p, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    // Removes childless nodes from depth `from` up to the root; the tree becomes NULL when the root goes.
    private void Prune(int from)
    {
        for (int d = from; d >= 0; d--)
        {
            _levels[d].RemoveAll(n =>
            {
                if (n.Children.Count != 0)
                {
                    return false;
                }

                n.Parent?.Children.Remove(n);
                return true;
            });
        }

        if (_levels[0].Count == 0)
        {
            SetNull();
        }
    }

    private sealed class Node(string validPolicy, Node? parent, HashSet<string> expected)
    {
        public string ValidPolicy { get; } = validPolicy;

        public Node? Parent { get; } = parent;

        public HashSet<string> Expected { get; } = expected;

        public List<Node> Children { get; } = [];

        public bool HasChild(string policy) => Children.Exists(c => c.ValidPolicy == policy);
    }
}
