<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared machinery of every form: the A4 page, running header and footer, title block,
  and a generic walk that prints any record section as labelled fields and tables.
  A jurisdiction's common.xsl imports this file and sets $labels, $page-format and the
  name/address/date templates; a kind's form imports the jurisdiction's common.xsl. Inclusio
  passes $lang and $name-order from the jurisdiction's manifest (Jurisdictions/<code>/jurisdiction.xml);
  xsltproc needs them as string parameters.
  Produces only the XSL-FO subset of Forms/FO-SUBSET.md.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="exsl str">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:strip-space elements="*"/>

  <!-- From the jurisdiction's manifest: its BCP 47 language, and family-first or given-first. -->
  <xsl:param name="lang"/>
  <xsl:param name="name-order"/>
  <!-- Minutes the jurisdiction's time zone is ahead of UTC when printing: times print in local time. -->
  <xsl:param name="utc-offset" select="0"/>

  <!-- Set by the jurisdiction. -->
  <xsl:variable name="labels"><l n="none">-</l></xsl:variable>
  <xsl:variable name="body-size" select="'10pt'"/>
  <xsl:variable name="rule-colour" select="'#555555'"/>
  <!-- Punctuation of the language: after a label, and between the values of a list. -->
  <xsl:variable name="colon" select="': '"/>
  <xsl:variable name="list-separator" select="'; '"/>

  <!-- ===== Page ===== -->
  <!-- $orientation: portrait, or landscape for wide tables (the staff request). -->
  <xsl:template name="layout-masters">
    <xsl:param name="orientation" select="'portrait'"/>
    <fo:layout-master-set>
      <fo:simple-page-master master-name="A4" page-width="{substring('210mm297mm', 1 + 5 * ($orientation = 'landscape'), 5)}"
          page-height="{substring('297mm210mm', 1 + 5 * ($orientation = 'landscape'), 5)}"
          margin-top="12mm" margin-bottom="12mm" margin-left="20mm" margin-right="20mm">
        <fo:region-body margin-top="14mm" margin-bottom="14mm"/>
        <fo:region-before extent="10mm"/>
        <fo:region-after extent="10mm"/>
      </fo:simple-page-master>
    </fo:layout-master-set>
  </xsl:template>

  <!-- A whole form: header line, footer with page numbers, the title and the sections. -->
  <xsl:template name="form-document">
    <xsl:param name="title"/>
    <xsl:param name="subtitle"/>
    <xsl:param name="orientation" select="'portrait'"/>
    <xsl:variable name="record" select="/*"/>
    <fo:root xml:lang="{$lang}" font-family="serif" font-size="{$body-size}" line-height="1.45">
      <xsl:call-template name="layout-masters"><xsl:with-param name="orientation" select="$orientation"/></xsl:call-template>
      <fo:page-sequence master-reference="A4" id="sequence">
        <fo:static-content flow-name="xsl-region-before">
          <fo:block>
          <fo:table table-layout="fixed" width="100%" border-bottom="0.5pt solid {$rule-colour}">
            <fo:table-column column-width="proportional-column-width(3)"/>
            <fo:table-column column-width="proportional-column-width(2)"/>
            <fo:table-body>
              <fo:table-row>
                <fo:table-cell padding-bottom="1mm">
                  <fo:block font-family="sans-serif" font-size="8pt" color="{$rule-colour}">
                    <xsl:value-of select="$record/*[local-name()='header']/*[local-name()='issuingAuthority']/*[local-name()='name']"/>
                  </fo:block>
                </fo:table-cell>
                <fo:table-cell padding-bottom="1mm">
                  <fo:block font-family="sans-serif" font-size="8pt" color="{$rule-colour}" text-align="end">
                    <xsl:call-template name="label"><xsl:with-param name="name" select="'confidential'"/></xsl:call-template>
                    <xsl:text> · </xsl:text>
                    <xsl:value-of select="$record/@id"/>
                    <xsl:text> v</xsl:text>
                    <xsl:value-of select="$record/@version"/>
                  </fo:block>
                </fo:table-cell>
              </fo:table-row>
            </fo:table-body>
          </fo:table>
          </fo:block>
        </fo:static-content>
        <fo:static-content flow-name="xsl-region-after">
          <fo:block font-family="sans-serif" font-size="8pt" text-align="center" color="{$rule-colour}">
            <xsl:call-template name="page-numbers"/>
          </fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <fo:block font-family="sans-serif" font-size="16pt" font-weight="bold" text-align="center" space-after="2mm">
            <xsl:value-of select="$title"/>
          </fo:block>
          <xsl:if test="string($subtitle)">
            <fo:block font-family="sans-serif" font-size="10pt" text-align="center" space-after="2mm">
              <xsl:value-of select="$subtitle"/>
            </fo:block>
          </xsl:if>
          <xsl:call-template name="reference-line"/>
          <xsl:apply-templates select="$record/*[local-name() != 'header']" mode="section"/>
          <xsl:call-template name="signatures"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- Reference number, record number and date under the title. -->
  <xsl:template name="reference-line">
    <xsl:variable name="header" select="/*/*[local-name()='header']"/>
    <fo:table table-layout="fixed" width="100%" space-after="4mm" border-bottom="1pt solid black">
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-body>
        <fo:table-row>
          <fo:table-cell padding-bottom="1mm"><fo:block font-size="9pt">
            <xsl:if test="$header/*[local-name()='referenceNumber']">
              <xsl:call-template name="label"><xsl:with-param name="name" select="'referenceNumber'"/></xsl:call-template>
              <xsl:value-of select="$colon"/>
              <xsl:value-of select="$header/*[local-name()='referenceNumber']"/>
            </xsl:if>
          </fo:block></fo:table-cell>
          <fo:table-cell padding-bottom="1mm"><fo:block font-size="9pt" text-align="center">
            <xsl:call-template name="label"><xsl:with-param name="name" select="'recordId'"/></xsl:call-template>
            <xsl:value-of select="$colon"/>
            <xsl:value-of select="/*/@id"/>
          </fo:block></fo:table-cell>
          <fo:table-cell padding-bottom="1mm"><fo:block font-size="9pt" text-align="end">
            <xsl:call-template name="label"><xsl:with-param name="name" select="'issuedDate'"/></xsl:call-template>
            <xsl:value-of select="$colon"/>
            <xsl:call-template name="date"><xsl:with-param name="iso" select="$header/*[local-name()='issuedDate']"/></xsl:call-template>
          </fo:block></fo:table-cell>
        </fo:table-row>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- ===== Labels and values ===== -->
  <xsl:template name="label">
    <xsl:param name="name" select="local-name()"/>
    <xsl:variable name="found" select="exsl:node-set($labels)/l[@n = $name]"/>
    <xsl:choose>
      <xsl:when test="$found"><xsl:value-of select="$found[1]"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A leaf's printed value: dates, yes/no and codes translated; other text as is. -->
  <xsl:template name="value">
    <xsl:param name="node" select="."/>
    <xsl:variable name="text" select="normalize-space($node)"/>
    <xsl:variable name="coded" select="exsl:node-set($labels)/v[@n = $text]"/>
    <xsl:choose>
      <xsl:when test="$node/*[local-name()='family']"><xsl:apply-templates select="$node" mode="person-name"/></xsl:when>
      <xsl:when test="$node/*[local-name()='postalCode' or local-name()='streetAddress']"><xsl:apply-templates select="$node" mode="address"/></xsl:when>
      <xsl:when test="$node/*"><xsl:for-each select="$node/*"><xsl:if test="position() > 1"><xsl:value-of select="$list-separator"/></xsl:if><xsl:call-template name="value"/></xsl:for-each></xsl:when>
      <xsl:when test="$coded"><xsl:value-of select="$coded[1]"/></xsl:when>
      <xsl:when test="string-length($text) = 10 and substring($text, 5, 1) = '-' and substring($text, 8, 1) = '-'">
        <xsl:call-template name="date"><xsl:with-param name="iso" select="$text"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A coded value (a kind, a role, a level) through the jurisdiction's labels, else as written. -->
  <xsl:template name="coded">
    <xsl:param name="code"/>
    <xsl:variable name="label" select="exsl:node-set($labels)/v[@n = $code]"/>
    <xsl:choose>
      <xsl:when test="$label"><xsl:value-of select="$label[1]"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An xs:dateTime in UTC (…Z) as the jurisdiction's local date and time (HH:MM), the date
       written by its `date` template; $utc-offset minutes are added, across midnight too. -->
  <xsl:template name="local-date-time">
    <xsl:param name="iso"/>
    <xsl:variable name="minutes" select="60 * substring($iso, 12, 2) + substring($iso, 15, 2) + $utc-offset"/>
    <xsl:variable name="shift" select="floor($minutes div 1440)"/>
    <xsl:variable name="m" select="$minutes - 1440 * $shift"/>
    <!-- Julian day number of the date, shifted, and back (Fliegel and Van Flandern). -->
    <xsl:variable name="y" select="number(substring($iso, 1, 4))"/>
    <xsl:variable name="mo" select="number(substring($iso, 6, 2))"/>
    <xsl:variable name="a" select="floor((14 - $mo) div 12)"/>
    <xsl:variable name="y2" select="$y + 4800 - $a"/>
    <xsl:variable name="m2" select="$mo + 12 * $a - 3"/>
    <xsl:variable name="jdn" select="number(substring($iso, 9, 2)) + floor((153 * $m2 + 2) div 5) + 365 * $y2 + floor($y2 div 4)
        - floor($y2 div 100) + floor($y2 div 400) - 32045 + $shift"/>
    <xsl:variable name="b0" select="$jdn + 32044"/>
    <xsl:variable name="b" select="floor((4 * $b0 + 3) div 146097)"/>
    <xsl:variable name="c" select="$b0 - floor(146097 * $b div 4)"/>
    <xsl:variable name="d" select="floor((4 * $c + 3) div 1461)"/>
    <xsl:variable name="e" select="$c - floor(1461 * $d div 4)"/>
    <xsl:variable name="mm" select="floor((5 * $e + 2) div 153)"/>
    <xsl:call-template name="date">
      <xsl:with-param name="iso" select="concat(format-number(100 * $b + $d - 4800 + floor($mm div 10), '0000'), '-',
          format-number($mm + 3 - 12 * floor($mm div 10), '00'), '-', format-number($e - floor((153 * $mm + 2) div 5) + 1, '00'))"/>
    </xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:value-of select="concat(format-number(floor($m div 60), '00'), ':', format-number($m mod 60, '00'))"/>
  </xsl:template>

  <!-- Defaults, refined by each jurisdiction. -->
  <!-- A name's two parts in the order and with the separator its record gives (PersonName @order,
       @separator), else in the jurisdiction's order ($name-order) with the form's separator. -->
  <xsl:template name="name-in-order">
    <xsl:param name="name" select="."/>
    <xsl:param name="separator" select="' '"/>
    <xsl:param name="first" select="$name/*[local-name()='family']"/>
    <xsl:param name="second" select="$name/*[local-name()='given']"/>
    <xsl:variable name="between">
      <xsl:choose>
        <xsl:when test="$name/@separator = 'none'"/>
        <xsl:when test="$name/@separator = 'space'"><xsl:text> </xsl:text></xsl:when>
        <xsl:when test="$name/@separator"><xsl:value-of select="$name/@separator"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$separator"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$name/@order = 'given-first' or (not($name/@order) and $name-order = 'given-first')">
        <xsl:value-of select="concat($second, $between, $first)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($first, $between, $second)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="person-name">
    <xsl:call-template name="name-in-order"/>
  </xsl:template>
  <xsl:template match="*" mode="address">
    <xsl:for-each select="*"><xsl:if test="position() > 1"><xsl:text> </xsl:text></xsl:if><xsl:value-of select="."/></xsl:for-each>
  </xsl:template>
  <xsl:template name="date"><xsl:param name="iso"/><xsl:value-of select="$iso"/></xsl:template>
  <xsl:template name="page-numbers"><fo:page-number/> / <fo:page-number-citation-last ref-id="sequence"/></xsl:template>

  <!-- Whether a node prints as one value (a leaf, a name, an address, an identifier). -->
  <xsl:template name="is-value">
    <xsl:param name="node" select="."/>
    <xsl:if test="not($node/*) or $node/*[local-name()='family'] or $node/*[local-name()='postalCode' or local-name()='streetAddress']
                  or (count($node/*) = 1 and not($node/*/*))">yes</xsl:if>
  </xsl:template>

  <!-- ===== The generic walk ===== -->
  <!-- A top-level section: a heading, then its fields. A top-level value is a one-row section. -->
  <xsl:template match="*" mode="section">
    <xsl:variable name="value"><xsl:call-template name="is-value"/></xsl:variable>
    <xsl:variable name="name" select="local-name()"/>
    <xsl:choose>
      <xsl:when test="$value = 'yes'">
        <xsl:if test="not(preceding-sibling::*[1][local-name() = $name])">
          <xsl:call-template name="field-table"><xsl:with-param name="rows" select="."/></xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:when test="preceding-sibling::*[local-name() = $name]"/>
      <xsl:when test="following-sibling::*[local-name() = $name] and not(*/*[local-name() != 'family' and local-name() != 'given' and */*])">
        <xsl:call-template name="heading"><xsl:with-param name="level" select="1"/></xsl:call-template>
        <xsl:call-template name="row-table"><xsl:with-param name="items" select="../*[local-name() = $name]"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select=". | following-sibling::*[local-name() = $name]">
          <xsl:call-template name="heading"><xsl:with-param name="level" select="1"/></xsl:call-template>
          <xsl:call-template name="fields"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="heading">
    <xsl:param name="level" select="1"/>
    <xsl:choose>
      <xsl:when test="$level = 1">
        <fo:block font-family="sans-serif" font-weight="bold" font-size="11pt" space-before="4mm" space-after="1.5mm"
            padding="1mm 2mm" background-color="#e8e8e8" keep-with-next.within-page="always">
          <xsl:call-template name="label"/>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block font-family="sans-serif" font-weight="bold" font-size="10pt" space-before="2.5mm" space-after="1mm"
            border-bottom="0.5pt solid {$rule-colour}" keep-with-next.within-page="always">
          <xsl:call-template name="label"/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The contents of a group: its values as label/value rows, then its groups. -->
  <xsl:template name="fields">
    <xsl:variable name="rows">
      <xsl:for-each select="*">
        <xsl:variable name="value"><xsl:call-template name="is-value"/></xsl:variable>
        <xsl:if test="$value = 'yes'"><r i="{position()}"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="children" select="*"/>
    <xsl:variable name="indexes" select="exsl:node-set($rows)/r/@i"/>
    <xsl:if test="$indexes">
      <xsl:call-template name="field-table">
        <xsl:with-param name="rows" select="$children[position() = $indexes]"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:for-each select="*">
      <xsl:variable name="value"><xsl:call-template name="is-value"/></xsl:variable>
      <xsl:variable name="name" select="local-name()"/>
      <xsl:if test="$value != 'yes' and not(preceding-sibling::*[local-name() = $name])">
        <xsl:choose>
          <xsl:when test="following-sibling::*[local-name() = $name] and not(*/*[local-name() != 'family' and local-name() != 'given' and */*])">
            <xsl:call-template name="heading"><xsl:with-param name="level" select="2"/></xsl:call-template>
            <xsl:call-template name="row-table"><xsl:with-param name="items" select="../*[local-name() = $name]"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each select=". | following-sibling::*[local-name() = $name]">
              <xsl:call-template name="heading"><xsl:with-param name="level" select="2"/></xsl:call-template>
              <xsl:call-template name="fields"/>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- Label | value rows; repeated leaves of one name share a row, one line each. -->
  <xsl:template name="field-table">
    <xsl:param name="rows"/>
    <fo:table table-layout="fixed" width="100%" border-collapse="collapse" space-after="1mm">
      <fo:table-column column-width="32%"/>
      <fo:table-column column-width="68%"/>
      <fo:table-body>
        <xsl:for-each select="$rows">
          <xsl:variable name="name" select="local-name()"/>
          <xsl:if test="not(preceding-sibling::*[1][local-name() = $name])">
            <fo:table-row keep-together.within-page="always">
              <fo:table-cell padding="1mm 1.5mm" border="0.5pt solid {$rule-colour}" background-color="#f5f5f5">
                <fo:block font-family="sans-serif" font-size="9pt"><xsl:call-template name="label"/></fo:block>
              </fo:table-cell>
              <fo:table-cell padding="1mm 1.5mm" border="0.5pt solid {$rule-colour}">
                <xsl:call-template name="value-lines"/>
              </fo:table-cell>
            </fo:table-row>
          </xsl:if>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- This leaf and the following leaves of the same name, a block each. -->
  <xsl:template name="value-lines">
    <xsl:param name="node" select="."/>
    <fo:block><xsl:call-template name="value"><xsl:with-param name="node" select="$node"/></xsl:call-template></fo:block>
    <xsl:variable name="next" select="$node/following-sibling::*[1]"/>
    <xsl:if test="$next and local-name($next) = local-name($node)">
      <xsl:call-template name="value-lines"><xsl:with-param name="node" select="$next"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Repeated groups as a table: one column per field of the first item, header repeated on each page. -->
  <xsl:template name="row-table">
    <xsl:param name="items"/>
    <xsl:variable name="columns" select="$items[1]/*[not(local-name() = local-name(preceding-sibling::*[1]))]"/>
    <fo:table table-layout="fixed" width="100%" border-collapse="collapse" space-after="1mm">
      <!-- Each column as wide as its longest word asks (an identifier or a date never breaks), or a
           quarter of its longest text, 8 to 20 parts. -->
      <xsl:for-each select="$columns">
        <xsl:variable name="column" select="local-name()"/>
        <xsl:variable name="needs">
          <n>8</n>
          <xsl:for-each select="$items/*[local-name() = $column]//text()">
            <n><xsl:value-of select="floor(string-length(normalize-space(.)) div 4)"/></n>
            <xsl:for-each select="str:tokenize(normalize-space(.), ' ')"><n><xsl:value-of select="string-length(.) + 2"/></n></xsl:for-each>
          </xsl:for-each>
        </xsl:variable>
        <xsl:variable name="need">
          <xsl:for-each select="exsl:node-set($needs)/n">
            <xsl:sort select="." data-type="number" order="descending"/>
            <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
          </xsl:for-each>
        </xsl:variable>
        <fo:table-column column-width="proportional-column-width({$need - (number($need) &gt; 20) * ($need - 20)})"/>
      </xsl:for-each>
      <fo:table-header>
        <fo:table-row>
          <xsl:for-each select="$columns">
            <fo:table-cell padding="1mm" border="0.5pt solid {$rule-colour}" background-color="#e8e8e8">
              <fo:block font-family="sans-serif" font-size="8.5pt" font-weight="bold"><xsl:call-template name="label"/></fo:block>
            </fo:table-cell>
          </xsl:for-each>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:for-each select="$items">
          <xsl:variable name="item" select="."/>
          <fo:table-row keep-together.within-page="always">
            <xsl:for-each select="$columns">
              <xsl:variable name="column" select="local-name()"/>
              <fo:table-cell padding="1mm" border="0.5pt solid {$rule-colour}">
                <xsl:variable name="cell" select="$item/*[local-name() = $column]"/>
                <xsl:choose>
                  <xsl:when test="$cell">
                    <fo:block font-size="9pt">
                      <xsl:for-each select="$cell">
                        <xsl:if test="position() > 1"><xsl:value-of select="$list-separator"/></xsl:if>
                        <xsl:call-template name="value"/>
                      </xsl:for-each>
                    </fo:block>
                  </xsl:when>
                  <xsl:otherwise><fo:block font-size="9pt">–</fo:block></xsl:otherwise>
                </xsl:choose>
              </fo:table-cell>
            </xsl:for-each>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- ===== Signatures: the signatory and everyone the record names as signing ===== -->
  <xsl:template name="signatures">
    <xsl:variable name="people" select="/*/*[local-name()='header']/*[local-name()='signatory'] | //*[*[local-name()='signed']]"/>
    <xsl:if test="$people">
      <fo:block font-family="sans-serif" font-weight="bold" font-size="11pt" space-before="6mm" space-after="2mm"
          keep-with-next.within-page="always">
        <xsl:call-template name="label"><xsl:with-param name="name" select="'signatures'"/></xsl:call-template>
      </fo:block>
      <fo:table table-layout="fixed" width="100%">
        <fo:table-column column-width="proportional-column-width(9)"/>
        <fo:table-column column-width="proportional-column-width(6)"/>
        <fo:table-column column-width="proportional-column-width(4)"/>
        <fo:table-body>
          <xsl:for-each select="$people">
            <fo:table-row keep-together.within-page="always">
              <fo:table-cell padding-top="6mm" padding-right="2mm" display-align="after">
                <fo:block font-size="9pt">
                  <xsl:choose>
                    <xsl:when test="*[local-name()='role']"><xsl:value-of select="*[local-name()='role']"/></xsl:when>
                    <xsl:when test="*[local-name()='title']"><xsl:value-of select="*[local-name()='title']"/></xsl:when>
                    <xsl:otherwise><xsl:call-template name="label"/></xsl:otherwise>
                  </xsl:choose>
                </fo:block>
                <fo:block>
                  <xsl:call-template name="value"><xsl:with-param name="node" select="*[local-name()='name']"/></xsl:call-template>
                </fo:block>
              </fo:table-cell>
              <fo:table-cell padding-top="6mm" display-align="after">
                <fo:block><fo:leader leader-pattern="rule" leader-length="100%" rule-thickness="0.5pt"/></fo:block>
              </fo:table-cell>
              <fo:table-cell padding-top="6mm" padding-left="2mm" display-align="after">
                <fo:block font-size="9pt">
                  <xsl:call-template name="label"><xsl:with-param name="name" select="'date'"/></xsl:call-template>
                  <xsl:text> </xsl:text>
                  <xsl:choose>
                    <xsl:when test="*[local-name()='signedDate']">
                      <xsl:call-template name="date"><xsl:with-param name="iso" select="*[local-name()='signedDate']"/></xsl:call-template>
                    </xsl:when>
                    <xsl:otherwise><fo:leader leader-pattern="rule" leader-length="18mm" rule-thickness="0.5pt"/></xsl:otherwise>
                  </xsl:choose>
                </fo:block>
              </fo:table-cell>
            </fo:table-row>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
