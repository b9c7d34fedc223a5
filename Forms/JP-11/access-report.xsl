<?xml version="1.0" encoding="UTF-8"?>
<!-- JP-11 access report: the common landscape table, with this jurisdiction's page numbers. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="common.xsl"/>
  <xsl:import href="../common/access-report.xsl"/>
</xsl:stylesheet>
