package dev.vigil.java.frontend;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;

/** Names the member enclosing a tree, for fingerprints and messages: "OrderDao.find", "OrderDao.<init>". */
public final class Enclosing {

    private Enclosing() {
    }

    public static String memberName(TreePath path) {
        String method = null;
        StringBuilder classes = new StringBuilder();
        for (TreePath p = path; p != null; p = p.getParentPath()) {
            Tree t = p.getLeaf();
            if (t instanceof MethodTree m && method == null) {
                method = m.getName().contentEquals("<init>") ? "<init>" : m.getName().toString();
            } else if (t instanceof ClassTree c) {
                String name = c.getSimpleName().isEmpty() ? "$anon" : c.getSimpleName().toString();
                classes.insert(0, classes.isEmpty() ? name : name + "$");
                if (method == null) {
                    method = "<clinit>";
                }
            }
        }
        if (classes.isEmpty()) {
            return method == null ? "" : method;
        }
        return classes + "." + (method == null ? "<clinit>" : method);
    }
}
